import * as resultShaping from '@apollo/gateway/dist/resultShaping';
import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';
import { rawAnswer, startSecondGateway } from '../support/startSecondGateway';

const ENTITY_PAGE = `query EntityPage($ref: ID!) { entity(ref: $ref) {
  ref kind name title description tags relations { type targetRef }
  ... on Component { type lifecycle owner { ref name } system { ref name } providesApis { ref name } dependsOn { ref } }
  latestRuns { pipeline status startedAt url } buildStats(window: 30) { runCount successRate }
  vulnerabilitySummary { critical high moderate low total } vulnerabilities(first: 5) { advisoryId severity title }
  docs { pageCount pages { path title } } } }`;

const CARDS = `query Cards($ref: ID!, $runs: Boolean!, $docs: Boolean = false) { entity(ref: $ref) {
  ref ...Security latestRuns @include(if: $runs) { status } docs @include(if: $docs) { pageCount }
  ... on Component { system { ref ...Security } } } }
  fragment Security on Entity { vulnerabilitySummary { critical total } }`;

/** Operations a portal sends, as [query, variables]: one fetch, several fetches, well-formed and not. */
const OPERATIONS: [string, Record<string, unknown>][] = [
  // A catalog list page: one fetch, abstract nodes (the planner adds __typename), a fragment, a condition.
  [
    `query List($lifecycle: [String!], $withTags: Boolean!) { entities(filter: { kind: ["Component"], lifecycle: $lifecycle }, first: 5) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ref kind name title tags @include(if: $withTags) ... on Component { type lifecycle owner { ref name } } } } } }`,
    { lifecycle: ['production'], withTags: true },
  ],
  ['query One($ref: ID!) { entity(ref: $ref) { __typename ref label: name ... on Component { lifecycle } ...Named } } fragment Named on Entity { name title }', { ref: 'component:default/checkout-service' }],
  ['query One($ref: ID!) { entity(ref: $ref) { ref name } }', { ref: 'component:default/no-such-thing' }],
  ['{ entities(filter: { text: "checkout" }, first: 3) { totalCount edges { node { ref name } } } }', {}],
  ['{ __typename entitiesByRefs(refs: ["group:default/team-payments", "component:default/nope"]) { ref ... on Group { ownsTransitively { ref } } } }', {}],
  // A subgraph error (BAD_USER_INPUT), and one with data beside it.
  ['{ entities(first: 501) { totalCount } }', {}],
  ['{ ok: entity(ref: "component:default/checkout-service") { ref } bad: entity(ref: "not a ref") { ref } }', {}],
  // Variables the gateway rejects before planning.
  ['query One($ref: ID!) { entity(ref: $ref) { ref } }', { ref: { not: 'an id' } }],
  ['query One($ref: ID!) { entity(ref: $ref) { ref } }', {}],
  // Two subgraphs (a Flatten fetch), and introspection beside a fetch.
  ['{ entity(ref: "component:default/checkout-service") { ref latestRuns { pipeline status } } }', {}],
  ['{ __schema { queryType { name } } entity(ref: "component:default/checkout-service") { ref } }', {}],
  // A mutation answered with an error: sent once, whatever path reports it.
  ['mutation { refreshLocation(id: "no-such-location") { id } }', {}],
  // Plans of several fetches: the entity page with every plugin card (runs, a scan, docs; and an entity with none of them).
  [ENTITY_PAGE, { ref: 'component:default/checkout-service' }],
  [ENTITY_PAGE, { ref: 'component:default/money-kit' }],
  [ENTITY_PAGE, { ref: 'group:default/team-payments' }],
  [ENTITY_PAGE, { ref: 'component:default/no-such-thing' }],
  // A plugin's error (BAD_USER_INPUT from security) beside other plugins' answers.
  ['{ entity(ref: "component:default/checkout-service") { ref vulnerabilities(first: 500) { advisoryId } latestRuns { status } docs { pageCount } } }', {}],
  // A list whose nodes, and their owners, fan out to the plugins.
  [
    `{ entities(filter: { kind: ["Component"] }, first: 8) { edges { node { ref latestRuns { pipeline status } vulnerabilitySummary { total }
      docs { pageCount } ... on Component { owner { ref vulnerabilitySummary { high } } } } } } }`,
    {},
  ],
  // Fragments and conditions across subgraphs (the planner's Condition nodes).
  [CARDS, { ref: 'component:default/checkout-service', runs: true }],
  [CARDS, { ref: 'component:default/web-shop', runs: false, docs: true }],
  // A plugin's root field whose entities the catalog completes (their type name, `Entity`, becomes the concrete one), then another plugin.
  ['{ searchDocs(query: "checkout", first: 3) { rank entity { ref name ... on Component { lifecycle } latestRuns { status } } } }', {}],
];

// The lever `startGateway` uses by default: operations whose plan compiles (one fetch or
// several) skip @apollo/gateway's execution. Its answers must be @apollo/gateway's, byte for byte, with
// the same subgraph fetches, for every kind of answer.
describe('lean path', () => {
  let platform: TestPlatform;
  let lean: Awaited<ReturnType<typeof startSecondGateway>>;
  const fetches = { platform: [] as string[], lean: [] as string[] };
  const leanUrl = () => lean.graphqlUrl;

  beforeAll(async () => {
    platform = await startPlatform({
      only: ['catalog', 'cicd', 'security', 'techdocs'],
      subgraph: () => ({ demo: true }),
      gateway: { performance: { leanPath: false, onSubgraphFetch: (name) => fetches.platform.push(name) } },
    });
    lean = await startSecondGateway(platform, { onSubgraphFetch: (name) => fetches.lean.push(name) });
  }, 120_000);
  afterAll(async () => {
    await lean?.stop();
    await platform?.stop();
  });
  afterEach(() => jest.restoreAllMocks());

  it.each(OPERATIONS.map(([query, variables], i) => [i, query, variables] as const))('answers operation %i exactly as @apollo/gateway, with the same fetches', async (_i, query, variables) => {
    // Twice each: the first request teaches the path its plan, the second takes it.
    for (let round = 0; round < 2; round++) {
      fetches.platform.length = 0;
      fetches.lean.length = 0;
      const expected = await rawAnswer(platform.gatewayUrl, query, variables);
      const answered = await rawAnswer(leanUrl(), query, variables);
      expect(answered).toBe(expected);
      expect(fetches.lean).toEqual(fetches.platform);
    }
  });

  it('runs the entity page itself, and hands a plugin error to @apollo/gateway', async () => {
    const shaping = jest.spyOn(resultShaping, 'computeResponse');
    const page = OPERATIONS.find(([query]) => query === ENTITY_PAGE)!;
    await postGraphQL(leanUrl(), ...page);
    shaping.mockClear();
    const answer = await postGraphQL(leanUrl(), ...page);
    expect(answer.data!.entity.latestRuns.length).toBeGreaterThan(0);
    expect(answer.data!.entity.vulnerabilitySummary.total).toBeGreaterThan(0);
    expect(shaping).not.toHaveBeenCalled();

    const [failing] = OPERATIONS.find(([query]) => query.includes('vulnerabilities(first: 500)'))!;
    await postGraphQL(leanUrl(), failing, {});
    shaping.mockClear();
    const failed = await postGraphQL(leanUrl(), failing, {});
    expect(failed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(failed.data!.entity.latestRuns.length).toBeGreaterThan(0);
    expect(shaping).toHaveBeenCalledTimes(1);
  });

  it('shapes a one-fetch answer itself, and hands subgraph errors to @apollo/gateway', async () => {
    const shaping = jest.spyOn(resultShaping, 'computeResponse');
    const [list, listVariables] = OPERATIONS[0];
    await postGraphQL(leanUrl(), list, listVariables);
    shaping.mockClear();
    const page = await postGraphQL(leanUrl(), list, listVariables);
    expect(page.data!.entities.edges.length).toBeGreaterThan(0);
    expect(shaping).not.toHaveBeenCalled();

    const [failing] = OPERATIONS[5];
    await postGraphQL(leanUrl(), failing, {});
    shaping.mockClear();
    const failed = await postGraphQL(leanUrl(), failing, {});
    expect(failed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(shaping).toHaveBeenCalledTimes(1);
  });
});
