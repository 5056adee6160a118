import type { ServerResponse } from 'node:http';
import { gql } from 'graphql-tag';
import { composeSupergraph } from '../../gateway/composeSupergraph';
import { startGateway, type RunningGateway } from '../../gateway/startGateway';
import { postGraphQL, startTestSubgraph, TEST_SUBGRAPH_SECRET } from '../../kit/testing';
import { findSubgraph } from '../../supergraph.config';
import { startPlatform, type TestPlatform } from '../support/startPlatform';
import { startFakeSubgraph, type FakeSubgraph } from './support/fakeSubgraph';

const ENTITY = 'query ($ref: ID!) { entity(ref: $ref) { ref name latestRuns { pipeline status } } }';
const REF = 'component:default/checkout-service';

/** A plugin subgraph's schema adding one field to every entity, served by a fake. */
const pluginTypeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])
  "An entity as the fake plugin sees it."
  type Entity @key(fields: "ref") @interfaceObject {
    "The entity's ref."
    ref: ID!
    "The fake plugin's field."
    pluginField: String
  }
`;

describe('a subgraph that fails costs only its own fields', () => {
  let platform: TestPlatform;
  const gatewayLogs: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog', 'cicd'], subgraph: () => ({ demo: true }), gateway: { logs: gatewayLogs } });
  });
  afterAll(() => platform?.stop());

  const readyz = async (gatewayPort: number) => {
    const response = await fetch(`http://127.0.0.1:${gatewayPort}/readyz`);
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it('is ready, and answers, while every subgraph is up', async () => {
    expect(await readyz(platform.gateway.port)).toEqual({
      status: 200,
      body: { status: 'ok', supergraphLoaded: true, subgraphs: { catalog: 'ok', cicd: 'ok' } },
    });
    const response = await postGraphQL(platform.gatewayUrl, ENTITY, { ref: REF });
    expect(response.errors).toBeUndefined();
    expect(response.data?.entity.latestRuns.length).toBeGreaterThan(0);
  });

  it('when a subgraph dies: its fields are null, one error names it, no URL leaks; /readyz is 503 until it returns', async () => {
    const cicd = platform.subgraphs.cicd;
    await cicd.stop();

    const response = await postGraphQL(platform.gatewayUrl, ENTITY, { ref: REF });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ entity: { ref: REF, name: 'checkout-service', latestRuns: null } });
    expect(response.errors).toEqual([{ message: 'Subgraph "cicd" is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'cicd' } }]);
    const text = JSON.stringify(response);
    for (const secret of [String(cicd.port), '127.0.0.1', 'http', 'ECONNREFUSED', 'stack']) expect(text).not.toContain(secret);
    // The gateway's own log keeps what the client must not see.
    expect(gatewayLogs.some((line) => line.includes(`subgraph cicd (${cicd.url}) failed`))).toBe(true);

    expect(await readyz(platform.gateway.port)).toEqual({
      status: 503,
      body: { status: 'unavailable', supergraphLoaded: true, subgraphs: { catalog: 'ok', cicd: 'unavailable' } },
    });

    platform.subgraphs.cicd = await startTestSubgraph(await findSubgraph('cicd').load(), { port: cicd.port, demo: true });
    expect((await readyz(platform.gateway.port)).status).toBe(200);
    const recovered = await postGraphQL(platform.gatewayUrl, ENTITY, { ref: REF });
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data?.entity.latestRuns.length).toBeGreaterThan(0);
  });

  describe('beside a subgraph that accepts and never answers', () => {
    let hung: FakeSubgraph;
    let gateway: RunningGateway;
    const held: ServerResponse[] = [];

    beforeAll(async () => {
      hung = await startFakeSubgraph((_request, response) => void held.push(response));
      const catalog = await findSubgraph('catalog').load();
      const { supergraphSdl } = composeSupergraph([
        { name: 'catalog', url: platform.subgraphs.catalog.url, typeDefs: catalog.typeDefs },
        { name: 'hung', url: hung.url, typeDefs: pluginTypeDefs },
      ]);
      gateway = await startGateway({
        port: 0,
        host: '127.0.0.1',
        supergraph: { kind: 'sdl', supergraphSdl },
        subgraphSecret: TEST_SUBGRAPH_SECRET,
        subgraphTimeoutMs: 1_000,
        readinessTimeoutMs: 500,
        log: () => undefined,
      });
    });
    afterAll(async () => {
      await gateway?.stop();
      await hung?.close();
    });

    it('times out that subgraph after the configured timeout and answers the rest', async () => {
      const started = Date.now();
      const response = await postGraphQL(`http://127.0.0.1:${gateway.port}/graphql`, '{ entity(ref: "component:default/checkout-service") { name pluginField } }');
      expect(Date.now() - started).toBeGreaterThanOrEqual(990);
      expect(response.status).toBe(200);
      expect(response.data).toEqual({ entity: { name: 'checkout-service', pluginField: null } });
      expect(response.errors).toEqual([{ message: 'Subgraph "hung" did not answer within 1000 ms', extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'hung' } }]);
      expect(hung.received).toBeGreaterThan(0);
    });

    it('is not ready', async () => {
      expect(await readyz(gateway.port)).toEqual({
        status: 503,
        body: { status: 'unavailable', supergraphLoaded: true, subgraphs: { catalog: 'ok', hung: 'unavailable' } },
      });
    });
  });

  it('with the wrong secret, the subgraph refuses the gateway: its fields fail, /readyz says so', async () => {
    const catalog = await findSubgraph('catalog').load();
    const { supergraphSdl } = composeSupergraph([{ name: 'catalog', url: platform.subgraphs.catalog.url, typeDefs: catalog.typeDefs }]);
    const gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraph: { kind: 'sdl', supergraphSdl },
      subgraphSecret: 'not-the-secret-the-subgraph-has',
      log: () => undefined,
    });
    try {
      const response = await postGraphQL(`http://127.0.0.1:${gateway.port}/graphql`, `{ entity(ref: "${REF}") { name } }`);
      expect(response.data).toEqual({ entity: null });
      expect(response.errors).toEqual([{ message: 'Subgraph "catalog" is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'catalog' } }]);
      expect((await readyz(gateway.port)).body.subgraphs).toEqual({ catalog: 'unavailable' });
    } finally {
      await gateway.stop();
    }
  });

  it('stop() lets a request in flight finish, and takes no new ones', async () => {
    let release: () => void = () => undefined;
    const slow = await startFakeSubgraph((_request, response) => {
      release = () => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { slow: 'done' } }));
      };
    });
    const typeDefs = gql`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query {
        "Answers when the test says so."
        slow: String
      }
    `;
    const gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraph: { kind: 'sdl', supergraphSdl: composeSupergraph([{ name: 'slow', url: slow.url, typeDefs }]).supergraphSdl },
      subgraphSecret: TEST_SUBGRAPH_SECRET,
      log: () => undefined,
    });
    try {
      const arrived = slow.nextRequest();
      const inFlight = postGraphQL(`http://127.0.0.1:${gateway.port}/graphql`, '{ slow }');
      await arrived;
      let stopped = false;
      const stopping = gateway.stop().then(() => void (stopped = true));
      await expect(fetch(`http://127.0.0.1:${gateway.port}/healthz`)).rejects.toThrow();
      expect(stopped).toBe(false);
      release();
      expect(await inFlight).toEqual({ status: 200, data: { slow: 'done' } });
      await stopping;
      expect(stopped).toBe(true);
    } finally {
      await gateway.stop();
      await slow.close();
    }
  });
});
