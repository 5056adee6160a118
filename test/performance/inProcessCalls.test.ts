import { execute, parse } from 'graphql';
import { createMonolithSchema, type MonolithPart } from '../../bench/monolith/createMonolithSchema';
import type { RunningGateway } from '../../gateway/startGateway';
import { createInProcessSubgraph, type InProcessSubgraph } from '../../gateway/performance/createInProcessSubgraph';
import { postGraphQL } from '../../kit/testing';
import { SUBGRAPHS } from '../../supergraph.config';
import { startPlatform, type TestPlatform } from '../support/startPlatform';
import { startSecondGateway } from '../support/startSecondGateway';

const ENTITY_PAGE = `
  query ($ref: ID!) {
    entity(ref: $ref) {
      ref name
      ... on Component { owner { ref name } system { ref } }
      relations { type targetRef }
      latestRuns { pipeline status }
      vulnerabilitySummary { critical high total }
      docs { pageCount }
    }
  }`;

// The lever `npm start` uses: a gateway calling subgraphs of its own process directly
// answers exactly what the same gateway answers over HTTP, and fetches the same way.
describe('in-process subgraph calls', () => {
  let platform: TestPlatform;
  let inProcessGateway: RunningGateway;
  const local: InProcessSubgraph[] = [];
  const fetched: string[] = [];
  const parts: MonolithPart[] = [];

  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog', 'cicd', 'security', 'techdocs'], subgraph: () => ({ demo: true }) });
    for (const entry of SUBGRAPHS.filter(({ name }) => platform.subgraphs[name])) {
      local.push(await createInProcessSubgraph(await entry.load(), platform.subgraphs[entry.name].services, { log: () => undefined }));
      parts.push({ module: await entry.load(), services: platform.subgraphs[entry.name].services });
    }
    inProcessGateway = await startSecondGateway(platform, { inProcess: local, hoistLiterals: true, onSubgraphFetch: (name) => fetched.push(name) });
  }, 120_000);
  afterAll(async () => {
    await inProcessGateway?.stop();
    await Promise.all(local.map((subgraph) => subgraph.stop()));
    await platform?.stop();
  });

  it('answers the entity page exactly as the gateway over HTTP does', async () => {
    for (const ref of ['component:default/checkout-service', 'component:default/web-shop', 'component:default/no-such-thing']) {
      const overHttp = await postGraphQL(platform.gatewayUrl, ENTITY_PAGE, { ref });
      const inProcess = await postGraphQL(`http://127.0.0.1:${inProcessGateway.port}/graphql`, ENTITY_PAGE, { ref });
      expect(inProcess).toEqual(overHttp);
    }
    const page = await postGraphQL(`http://127.0.0.1:${inProcessGateway.port}/graphql`, ENTITY_PAGE, { ref: 'component:default/checkout-service' });
    expect(page.data!.entity.vulnerabilitySummary.total).toBeGreaterThan(0);
    expect(page.data!.entity.docs.pageCount).toBeGreaterThan(0);
  });

  it('passes a subgraph error through in process as over HTTP (code and service name)', async () => {
    const query = '{ entity(ref: "component:default/checkout-service") { pipelineRuns(first: 1000) { edges { cursor } } } }';
    const overHttp = await postGraphQL(platform.gatewayUrl, query, {});
    const inProcess = await postGraphQL(`http://127.0.0.1:${inProcessGateway.port}/graphql`, query, {});
    expect(overHttp.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(inProcess.errors).toEqual(overHttp.errors);
  });

  it('gives a document with literals the same answer as the same operation with variables', async () => {
    const ref = 'component:default/checkout-service';
    const literal = ENTITY_PAGE.replace('($ref: ID!)', '').replace('$ref', JSON.stringify(ref));
    const withLiteral = await postGraphQL(`http://127.0.0.1:${inProcessGateway.port}/graphql`, literal, {});
    const withVariables = await postGraphQL(`http://127.0.0.1:${inProcessGateway.port}/graphql`, ENTITY_PAGE, { ref });
    expect(withLiteral.errors).toBeUndefined();
    expect(withLiteral).toEqual(withVariables);
  });

  // The benchmark's reference: the monolith must answer what the gateway answers, or its
  // throughput means nothing.
  it('has the monolith answer exactly what the gateway answers', async () => {
    const monolith = createMonolithSchema(parts);
    const queries: [string, Record<string, unknown>][] = [
      [ENTITY_PAGE, { ref: 'component:default/checkout-service' }],
      ['{ entities(filter: { kind: ["Component"] }, first: 5) { totalCount edges { node { ref ... on Component { owner { ref } } latestRuns { status } } } } }', {}],
      ['{ searchDocs(query: "checkout", first: 3) { rank page { path } entity { ref name } } }', {}],
      ['{ entity(ref: "group:default/team-payments") { ... on Group { ownsTransitively { ref } } } }', {}],
    ];
    for (const [query, variables] of queries) {
      const throughGateway = await postGraphQL(platform.gatewayUrl, query, variables);
      const direct = await execute({ schema: monolith.schema, document: parse(query), variableValues: variables, contextValue: monolith.createContext() });
      expect(throughGateway.errors).toBeUndefined();
      expect({ query, errors: direct.errors }).toEqual({ query, errors: undefined });
      expect(JSON.parse(JSON.stringify(direct.data))).toEqual(throughGateway.data);
    }
  });
});
