import { postGraphQL, startTestSubgraph, type RunningTestSubgraph } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../../test/support/startPlatform';
import { createScorecardsSubgraph } from './index';
import type { ScorecardsServices } from './services';
import { startCountingProxy, type CountingProxy } from './testing/startCountingProxy';

const ENTITIES = `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Entity {
        ref
        scorecard {
          level nextLevel certain passed failed unknown evaluatedAt
          blockedBy { check { id } status }
          results { check { id level rule params appliesTo } status reason }
        }
      }
    }
  }`;

const represent = (refs: string[]) => ({ representations: refs.map((ref) => ({ __typename: 'Entity', ref })) });
const resultOf = (scorecard: any, id: string) => scorecard.results.find((result: any) => result.check.id === id);

// The federation contract, on the real platform with demo data: the gateway sends
// `Entity` representations (ref only); scorecards reads the facts back from the graph
// through the gateway (here behind a counting proxy) and answers in order.
describe('scorecards _entities', () => {
  let platform: TestPlatform;
  let gateway: CountingProxy;
  const queries: string[] = [];
  const scorecardsUrl = () => platform.subgraphs.scorecards.url;

  beforeAll(async () => {
    platform = await startPlatform({
      subgraph: (name) => ({ demo: true, onQuery: name === 'scorecards' ? (sql) => void queries.push(sql) : undefined }),
    });
    gateway = await startCountingProxy(platform.gatewayUrl);
    (platform.subgraphs.scorecards.services as ScorecardsServices).graph.connect(gateway.url);
  });
  afterAll(async () => {
    await gateway?.stop();
    await platform?.stop();
  });

  it('scores each representation in order, from the facts the other plugins hold', async () => {
    const refs = ['component:default/checkout-service', 'group:default/team-payments', 'component:default/money-kit', 'component:default/not-in-catalog'];
    const result = await postGraphQL(scorecardsUrl(), ENTITIES, represent(refs));
    expect(result.errors).toBeUndefined();
    const [checkout, team, moneyKit, ghost] = result.data!._entities;
    expect(checkout).toMatchObject({ __typename: 'Entity', ref: refs[0] });

    // Cross-checked against what the graph itself says about checkout-service.
    const facts = await postGraphQL(platform.gatewayUrl, `{ entity(ref: "component:default/checkout-service") {
      ... on Component { owner { ref } } vulnerabilitySummary { critical } docs { pageCount } } }`);
    const { owner, vulnerabilitySummary, docs } = facts.data!.entity;
    expect(vulnerabilitySummary.critical).toBeGreaterThan(0);
    const critical = vulnerabilitySummary.critical;
    expect(resultOf(checkout.scorecard, 'has-owner')).toMatchObject({ status: 'PASS', reason: `owned by ${owner.ref}` });
    expect(resultOf(checkout.scorecard, 'has-docs')).toMatchObject({ status: 'PASS', reason: `${docs.pageCount} doc pages` });
    expect(resultOf(checkout.scorecard, 'no-open-critical-vulnerabilities')).toMatchObject({
      status: 'FAIL',
      reason: `${critical} open critical vulnerabilit${critical === 1 ? 'y' : 'ies'} (at most 0)`,
      check: { level: 'SILVER', rule: 'vulnerabilityLimit', params: { severity: 'critical', max: 0 }, appliesTo: ['component'] },
    });
    // Bronze holds, silver is blocked by a real failure.
    expect(checkout.scorecard).toMatchObject({ level: 'BRONZE', nextLevel: 'SILVER', certain: true });
    expect(checkout.scorecard.blockedBy).toContainEqual({ check: { id: 'no-open-critical-vulnerabilities' }, status: 'FAIL' });
    expect(checkout.scorecard.passed + checkout.scorecard.failed + checkout.scorecard.unknown).toBe(checkout.scorecard.results.length);
    expect(Date.parse(checkout.scorecard.evaluatedAt)).not.toBeNaN();

    // money-kit has no docs published: a fact, so FAIL, not UNKNOWN.
    expect(resultOf(moneyKit.scorecard, 'has-docs')).toMatchObject({ status: 'FAIL', reason: 'no documentation published' });
    // No check applies to groups.
    expect(team).toEqual({ __typename: 'Entity', ref: refs[1], scorecard: null });
    // An entity the catalog does not know cannot be judged: every check UNKNOWN, no level.
    expect(ghost.scorecard).toMatchObject({ level: null, nextLevel: 'BRONZE', certain: false, passed: 0, failed: 0 });
    expect(new Set(ghost.scorecard.results.map((r: any) => `${r.status}: ${r.reason}`))).toEqual(new Set(['UNKNOWN: the catalog does not know this entity']));
  });

  it('costs one SQL query and one gateway request for 1 entity as for 16', async () => {
    const components = await postGraphQL(platform.gatewayUrl, `{ entities(filter: { kind: ["component"] }, first: 16) { edges { node { ref } } } }`);
    const refs: string[] = components.data!.entities.edges.map((edge: any) => edge.node.ref);
    expect(refs).toHaveLength(16);
    const cost = async (batch: string[]) => {
      queries.length = 0;
      gateway.reset();
      const result = await postGraphQL(scorecardsUrl(), ENTITIES, represent(batch));
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.every((entity: any) => entity.scorecard.unknown === 0)).toBe(true);
      return { sql: queries.length, gatewayRequests: gateway.count };
    };
    const one = await cost(refs.slice(0, 1));
    const sixteen = await cost(refs);
    expect(one).toEqual({ sql: 1, gatewayRequests: 1 });
    expect(sixteen).toEqual(one);
  });

  it('defines and removes checks as data: the next scorecard uses them', async () => {
    const define = await postGraphQL(scorecardsUrl(), `mutation ($input: CheckInput!) { defineCheck(input: $input) { id level rule params appliesTo } }`, {
      input: { id: 'has-slug', name: 'Has a repository', description: 'CI finds it.', level: 'BRONZE', rule: 'hasAnnotation', params: { key: 'github.com/project-slug' }, appliesTo: ['Component'] },
    });
    expect(define.errors).toBeUndefined();
    expect(define.data!.defineCheck).toEqual({ id: 'has-slug', level: 'BRONZE', rule: 'hasAnnotation', params: { key: 'github.com/project-slug' }, appliesTo: ['component'] });
    const scored = await postGraphQL(scorecardsUrl(), ENTITIES, represent(['component:default/web-shop']));
    expect(resultOf(scored.data!._entities[0].scorecard, 'has-slug')).toMatchObject({ status: 'PASS', reason: 'annotation github.com/project-slug is "harbor-and-finch/web-shop"' });

    const removed = await postGraphQL(scorecardsUrl(), `mutation { removeCheck(id: "has-slug") }`);
    expect(removed.data!.removeCheck).toBe(true);
    const after = await postGraphQL(scorecardsUrl(), ENTITIES, represent(['component:default/web-shop']));
    expect(resultOf(after.data!._entities[0].scorecard, 'has-slug')).toBeUndefined();

    const bad = await postGraphQL(scorecardsUrl(), `mutation { defineCheck(input: { id: "x", name: "x", description: "", level: GOLD, rule: "hasDocs", params: { pages: 2 }, appliesTo: ["component"] }) { id } }`);
    expect(bad.errors?.[0]).toMatchObject({ message: 'hasDocs: unknown parameter "pages"; it takes minPages', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('lists its checks and rules', async () => {
    const result = await postGraphQL(scorecardsUrl(), `{ checks { id level } checkRules { name facts } }`);
    expect(result.errors).toBeUndefined();
    // The migration's defaults and the demo's own check (has-runbook), by level then id.
    expect(result.data!.checks.map((check: any) => `${check.level} ${check.id}`)).toEqual([
      'BRONZE has-owner', 'BRONZE lifecycle-set', 'BRONZE part-of-system',
      'SILVER ci-passing', 'SILVER has-docs', 'SILVER no-open-critical-vulnerabilities',
      'GOLD build-success-rate', 'GOLD has-runbook', 'GOLD no-open-high-vulnerabilities',
    ]);
    expect(result.data!.checkRules).toContainEqual({ name: 'vulnerabilityLimit', facts: ['openCritical', 'openHigh'] });
  });

  it('rolls up per system with one SQL query, and two gateway requests for a catalog under 500 entities', async () => {
    queries.length = 0;
    gateway.reset();
    const result = await postGraphQL(scorecardsUrl(), `{ scorecardRollup(groupBy: SYSTEM) { groupRef entityCount levels { level count } checks { check { id } passed failed unknown } passRate } }`);
    expect(result.errors).toBeUndefined();
    expect({ sql: queries.length, gatewayRequests: gateway.count }).toEqual({ sql: 1, gatewayRequests: 2 });
    const checkout = result.data!.scorecardRollup.find((group: any) => group.groupRef === 'system:default/checkout');
    // As many as the catalog says are part of the system, among the kinds checks apply to.
    const members = await postGraphQL(platform.gatewayUrl, `{ entities(filter: { kind: ["component", "api", "resource", "system"],
      relation: [{ type: "partOf", targets: ["system:default/checkout"] }] }) { totalCount } }`);
    expect(checkout.entityCount).toBe(members.data!.entities.totalCount);
    expect(checkout.levels.reduce((sum: number, level: any) => sum + level.count, 0)).toBe(checkout.entityCount);
    expect(checkout.checks.find((sum: any) => sum.check.id === 'part-of-system')).toMatchObject({ passed: checkout.entityCount, failed: 0, unknown: 0 });
    // Systems themselves belong to no system: they are the group without a ref, last.
    expect(result.data!.scorecardRollup.at(-1).groupRef).toBeNull();
  });
});

describe('scorecards without a gateway to ask', () => {
  let alone: RunningTestSubgraph<ScorecardsServices>;
  beforeAll(async () => {
    alone = await startTestSubgraph(createScorecardsSubgraph({ gatewayTimeoutMs: 2_000 }));
  });
  afterAll(() => alone?.stop());

  it('answers every check UNKNOWN, saying why, rather than failing the entity', async () => {
    const result = await postGraphQL(alone.url, ENTITIES, represent(['component:default/web-shop']));
    expect(result.errors).toBeUndefined();
    const scorecard = result.data!._entities[0].scorecard;
    expect(scorecard).toMatchObject({ level: null, certain: false, passed: 0, failed: 0 });
    expect(scorecard.unknown).toBe(scorecard.results.length);
    expect(resultOf(scorecard, 'has-owner').reason).toBe('the graph did not answer: the scorecards subgraph was not told where the gateway is');

    // A gateway that is not there: the same, with the reason.
    alone.services.graph.connect('http://127.0.0.1:9/graphql');
    const unreachable = await postGraphQL(alone.url, ENTITIES, represent(['component:default/web-shop']));
    expect(resultOf(unreachable.data!._entities[0].scorecard, 'has-docs')).toMatchObject({ status: 'UNKNOWN', reason: 'the graph did not answer: the gateway could not be reached' });
  });
});
