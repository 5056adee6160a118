import { startGateway, type RunningGateway } from '../gateway/startGateway';
import { postGraphQL, startTestSubgraph, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph } from '../kit/testing';
import type { ScorecardsServices } from '../subgraphs/scorecards/services';
import { startCountingProxy, type CountingProxy } from '../subgraphs/scorecards/testing/startCountingProxy';
import { findSubgraph } from '../supergraph.config';
import { startPlatform, type TestPlatform } from './support/startPlatform';

/** What a portal page shows for each component: the catalog's owner and one field of each plugin. */
const HEALTH = `
  fragment Health on Component {
    ref
    owner { ref }
    latestRun(branch: "main", statuses: [SUCCEEDED, FAILED]) { pipeline status }
    vulnerabilitySummary { critical }
    docs { pages { title } }
    scorecard { level results { check { id } status reason } }
  }`;

const SYSTEM_HEALTH = `${HEALTH}
  query SystemHealth($ref: ID!) { entity(ref: $ref) { ref ... on System { components { ...Health } } } }`;

const ALL_COMPONENTS_HEALTH = `${HEALTH}
  query AllComponentsHealth { entities(filter: { kind: ["component"] }, first: 16) { edges { node { ...Health } } } }`;

/** The checks (seeded by scorecards' migration) whose facts each plugin holds. */
const CHECKS_ON = {
  cicd: ['ci-passing', 'build-success-rate'],
  security: ['no-open-critical-vulnerabilities', 'no-open-high-vulnerabilities'],
  techdocs: ['has-docs'],
} as const;

/** Each plugin's own fields in HEALTH. */
const FIELDS_OF = { cicd: 'latestRun', security: 'vulnerabilitySummary', techdocs: 'docs', scorecards: 'scorecard' } as const;

type Plugin = keyof typeof FIELDS_OF;
type Health = Record<string, any>;

const statusOf = (component: Health, checkId: string) => component.scorecard.results.find((result: any) => result.check.id === checkId);

/**
 * Every plugin together, on the demo data: one query through the gateway gets, for each
 * component of a system, its owner (catalog), newest build (cicd), open critical
 * vulnerabilities (security), doc page titles (techdocs) and scorecard (scorecards, which
 * reads its facts back from the graph). A counting proxy in front of every subgraph, and
 * a gateway composed over the proxies, count the fetches. Then each plugin is stopped in
 * turn: it costs only its own fields, and the scorecard checks it feeds turn UNKNOWN.
 */
describe('the plugins through the gateway', () => {
  let platform: TestPlatform;
  let gateway: RunningGateway;
  const proxies: Record<string, CountingProxy> = {};
  const restarted: RunningTestSubgraph<unknown>[] = [];
  let baseline: Health[];

  const query = async (operation: string, variables?: Record<string, unknown>) => postGraphQL(gateway.url, operation, variables);
  const checkoutComponents = async () => {
    const result = await query(SYSTEM_HEALTH, { ref: 'system:default/checkout' });
    return { errors: result.errors, components: result.data!.entity.components as Health[] };
  };
  const fetchCounts = () => Object.fromEntries(Object.entries(proxies).map(([name, proxy]) => [name, proxy.count]));
  const resetCounts = () => Object.values(proxies).forEach((proxy) => proxy.reset());

  /** Stops a plugin, wherever it runs now. */
  const stop = async (name: Plugin) => {
    await platform.subgraphs[name].stop();
    for (const subgraph of restarted.filter((candidate) => candidate.name === name)) await subgraph.stop();
  };
  /** Brings a stopped plugin back on its port (behind its proxy), with its demo data. */
  const restart = async (name: Plugin) => {
    restarted.push(await startTestSubgraph(await findSubgraph(name).load(), { port: platform.subgraphs[name].port, demo: true }));
  };

  beforeAll(async () => {
    platform = await startPlatform({ subgraph: () => ({ demo: true }) });
    for (const [name, subgraph] of Object.entries(platform.subgraphs)) proxies[name] = await startCountingProxy(subgraph.url);
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraph: { kind: 'subgraphs', subgraphs: Object.entries(proxies).map(([name, proxy]) => ({ name, url: proxy.url })) },
      subgraphSecret: TEST_SUBGRAPH_SECRET,
      log: () => undefined,
    });
    // Scorecards reads its facts through this gateway: its own fetches are counted too.
    (platform.subgraphs.scorecards.services as ScorecardsServices).graph.connect(gateway.url);
  });
  afterAll(async () => {
    await gateway?.stop();
    for (const subgraph of restarted) await subgraph.stop();
    await Promise.all(Object.values(proxies).map((proxy) => proxy.stop()));
    await platform?.stop();
  });

  it('answers owner, build, vulnerabilities, docs and scorecard for every component of a system in one query, all consistent', async () => {
    const { errors, components } = await checkoutComponents();
    expect(errors).toBeUndefined();
    expect(components.map((component) => component.ref).sort()).toEqual([
      'component:default/checkout-service',
      'component:default/legacy-checkout',
      'component:default/money-kit',
      'component:default/payment-gateway',
    ]);
    const checkout = components.find((component) => component.ref === 'component:default/checkout-service')!;
    expect(checkout.owner.ref).toBe('group:default/team-payments');
    expect(checkout.docs.pages).toHaveLength(4);
    expect(checkout.docs.pages.every((page: { title: string }) => page.title.length > 0)).toBe(true);
    expect(checkout.vulnerabilitySummary.critical).toBeGreaterThan(0);
    for (const component of components) {
      expect(component.scorecard.level).toBe('BRONZE');
      // The scorecard agrees with what each plugin itself says, in the same response.
      expect(statusOf(component, 'has-owner')).toMatchObject({ status: 'PASS', reason: `owned by ${component.owner.ref}` });
      expect(statusOf(component, 'ci-passing').status).toBe(component.latestRun?.status === 'SUCCEEDED' ? 'PASS' : 'FAIL');
      expect(statusOf(component, 'no-open-critical-vulnerabilities').status).toBe(component.vulnerabilitySummary.critical === 0 ? 'PASS' : 'FAIL');
      expect(statusOf(component, 'has-docs').status).toBe(component.docs?.pages.length ? 'PASS' : 'FAIL');
    }
    baseline = components;
  });

  it('costs the same subgraph fetches for the 4 components of a system as for 16 components', async () => {
    resetCounts();
    const system = await query(SYSTEM_HEALTH, { ref: 'system:default/checkout' });
    expect(system.errors).toBeUndefined();
    const forFour = fetchCounts();

    resetCounts();
    const all = await query(ALL_COMPONENTS_HEALTH);
    expect(all.errors).toBeUndefined();
    expect(all.data!.entities.edges).toHaveLength(16);
    expect(all.data!.entities.edges.every((edge: any) => edge.node.scorecard.results.every((result: any) => result.status !== 'UNKNOWN'))).toBe(true);
    const forSixteen = fetchCounts();

    expect(forSixteen).toEqual(forFour);
    // One fetch per subgraph for the query, and one per subgraph for scorecards' facts
    // read (catalog, cicd, security, techdocs, through the same gateway).
    expect(forFour).toEqual({ catalog: 2, cicd: 2, techdocs: 2, security: 2, scorecards: 1 });
  });

  it('rolls scorecards up per owner group, with the group filled in from the catalog', async () => {
    const result = await query(`{ scorecardRollup(groupBy: OWNER, kind: ["component"]) {
      groupRef group { ... on Group { title } } entityCount levels { level count } } }`);
    expect(result.errors).toBeUndefined();
    const payments = result.data!.scorecardRollup.find((group: any) => group.groupRef === 'group:default/team-payments');
    const owned = await query(`{ entities(filter: { kind: ["component"], owner: ["group:default/team-payments"] }) { totalCount } }`);
    expect(payments.entityCount).toBe(owned.data!.entities.totalCount);
    expect(payments.group.title).toEqual(expect.any(String));
    expect(payments.levels.find((level: any) => level.level === 'BRONZE').count).toBe(payments.entityCount);
  });

  for (const plugin of ['security', 'techdocs', 'cicd'] as const) {
    it(`loses only ${plugin}'s fields while ${plugin} is down, and its checks turn UNKNOWN, not FAIL`, async () => {
      await stop(plugin);
      const { errors, components } = await checkoutComponents();
      // The stopped plugin is named, and only it.
      expect(errors?.length).toBeGreaterThan(0);
      for (const error of errors!) expect(error).toMatchObject({ message: `Subgraph "${plugin}" is unavailable`, extensions: { serviceName: plugin } });

      expect(components.map((component) => component.ref)).toEqual(baseline.map((component) => component.ref));
      components.forEach((component, index) => {
        const before = baseline[index];
        expect(component[FIELDS_OF[plugin]]).toBeNull();
        expect(component.owner).toEqual(before.owner);
        for (const other of ['cicd', 'security', 'techdocs'] as const) {
          if (other !== plugin) expect(component[FIELDS_OF[other]]).toEqual(before[FIELDS_OF[other]]);
        }
        for (const result of component.scorecard.results) {
          const dependsOnStopped = (CHECKS_ON[plugin] as readonly string[]).includes(result.check.id);
          if (dependsOnStopped) expect(result).toMatchObject({ status: 'UNKNOWN', reason: `Subgraph "${plugin}" is unavailable` });
          else expect(result).toEqual(statusOf(before, result.check.id));
        }
      });

      if (plugin === 'security') {
        // Roll-ups count the unknowns as unknown, not as failures.
        const rollup = await query(`{ scorecardRollup(groupBy: SYSTEM, kind: ["component"]) {
          groupRef checks { check { id } passed failed unknown } } }`);
        const checkout = rollup.data!.scorecardRollup.find((group: any) => group.groupRef === 'system:default/checkout');
        expect(checkout.checks.find((sum: any) => sum.check.id === 'no-open-critical-vulnerabilities')).toEqual({
          check: { id: 'no-open-critical-vulnerabilities' }, passed: 0, failed: 0, unknown: baseline.length,
        });
      }
      await restart(plugin);
    });
  }

  it('loses only the scorecards while scorecards is down', async () => {
    await stop('scorecards');
    const { errors, components } = await checkoutComponents();
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors!) expect(error).toMatchObject({ message: 'Subgraph "scorecards" is unavailable', extensions: { serviceName: 'scorecards' } });
    components.forEach((component, index) => {
      const before = baseline[index];
      expect(component.scorecard).toBeNull();
      expect(component.owner).toEqual(before.owner);
      expect(component.vulnerabilitySummary).toEqual(before.vulnerabilitySummary);
      expect(component.docs).toEqual(before.docs);
      // cicd came back with fresh demo runs: the same verdicts.
      expect(component.latestRun).toEqual(before.latestRun);
    });
  });

  // Last: it removes an entity. Plugin data outlives it (the docs stay published); a search
  // hit on them keeps its page and loses only its entity, and never nulls the answer.
  it('keeps a docs search answering after the entity of a hit is removed from the catalog', async () => {
    const search = '{ searchDocs(query: "checkout", first: 50) { page { path } entity { ref name } } }';
    const before = await query(search);
    expect(before.errors).toBeUndefined();
    const removedRef = 'component:default/checkout-service';
    expect(before.data!.searchDocs.map((hit: any) => hit.entity.ref)).toContain(removedRef);
    expect((await query(`mutation { removeEntity(ref: "${removedRef}") }`)).data).toEqual({ removeEntity: true });
    const after = await query(search);
    expect(after.errors).toBeUndefined();
    const refsAfter = after.data!.searchDocs.map((hit: any) => hit.entity?.ref ?? null);
    expect(refsAfter).toEqual(before.data!.searchDocs.map((hit: any) => (hit.entity.ref === removedRef ? null : hit.entity.ref)));
  });
});
