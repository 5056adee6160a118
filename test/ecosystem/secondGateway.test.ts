import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeSupergraph } from '../../gateway/composeSupergraph';
import { signedHeaders } from '../../kit';
import { postGraphQL, TEST_SUBGRAPH_SECRET } from '../../kit/testing';
import { findSubgraph } from '../../supergraph.config';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

/**
 * The graph behind a second, independent federation gateway: Hive Gateway, given the
 * supergraph Apollo's composition makes and a short plugin that signs each subgraph request
 * as docs/registry.md ("The request signature") specifies. It must answer what Ensemble's
 * own gateway answers, the plugins' `@requires` fields included: Hive Gateway sends the
 * concrete kind (`__typename: "Component"`) to the `@interfaceObject` plugins.
 */

const QUERIES: [string, string][] = [
  [
    'cicd fields that @require the catalog annotations',
    `{ entity(ref: "component:default/checkout-service") {
        ref name ... on Component { owner { ref } }
        latestRuns { pipeline status branch }
        latestRun(branch: "main") { status }
        pipelineRuns(first: 3) { edges { node { pipeline status } } }
        buildStats(window: 365) { runCount successRate }
      } }`,
  ],
  ['techdocs docs, which @require the catalog annotations', '{ entity(ref: "component:default/web-shop") { ref docs { pageCount pages { path title } } } }'],
  [
    'a catalog list with every plugin field per entity',
    '{ entities(filter: { kind: ["Component"] }, first: 8) { totalCount edges { node { ref latestRuns { status } docs { pageCount } } } } }',
  ],
  ['a plugin root field completed by the catalog', '{ searchDocs(query: "checkout", first: 3) { page { path } entity { ref name } } }'],
];

/** Hive Gateway as this test uses it. Its own types pull in the DOM library (through
 * @whatwg-node/fetch), which the project's Node type-check leaves out on purpose. */
interface HivePlugin {
  onFetch(payload: { options: FetchOptions; setOptions(options: FetchOptions): void }): void;
}
type FetchOptions = { body?: unknown; headers?: Record<string, string> };
interface HiveRuntime {
  (request: IncomingMessage, response: ServerResponse): void;
  dispose(): Promise<void> | void;
}
const { createGatewayRuntime } = require('@graphql-hive/gateway') as {
  createGatewayRuntime(config: { supergraph: string; plugins: () => HivePlugin[]; logging: boolean }): HiveRuntime;
};

/** Signs each subgraph request's body with the shared secret, as Ensemble's gateway does. */
const signSubgraphRequests = (secret: string): HivePlugin => ({
  onFetch({ options, setOptions }) {
    const body = typeof options.body === 'string' ? options.body : '';
    setOptions({ ...options, headers: { ...options.headers, ...signedHeaders(secret, body) } });
  },
});

describe('behind Hive Gateway', () => {
  let platform: TestPlatform;
  let hive: HiveRuntime;
  let server: Server;
  let hiveUrl: string;

  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog', 'cicd', 'techdocs'], subgraph: () => ({ demo: true }) });
    const subgraphs = await Promise.all(
      Object.values(platform.subgraphs).map(async ({ name, url }) => ({ name, url, typeDefs: (await findSubgraph(name).load()).typeDefs })),
    );
    hive = createGatewayRuntime({
      supergraph: composeSupergraph(subgraphs).supergraphSdl,
      plugins: () => [signSubgraphRequests(TEST_SUBGRAPH_SECRET)],
      logging: false,
    });
    server = createServer(hive);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hiveUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await hive?.dispose();
    await platform?.stop();
  });

  it.each(QUERIES)('answers %s as Ensemble\'s gateway does', async (_, query) => {
    const ours = await postGraphQL(platform.gatewayUrl, query);
    const theirs = await postGraphQL(hiveUrl, query);
    expect(ours.errors).toBeUndefined();
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data).toEqual(ours.data);
  });

  it('gets the plugins\' answers, not nulls (the comparison would pass if both lost them)', async () => {
    const { data } = await postGraphQL(hiveUrl, QUERIES[0][1]);
    expect(data!.entity.latestRuns.length).toBeGreaterThan(0);
    expect(data!.entity.buildStats.runCount).toBeGreaterThan(0);
    const docs = await postGraphQL(hiveUrl, QUERIES[1][1]);
    expect(docs.data!.entity.docs.pageCount).toBeGreaterThan(0);
  });
});
