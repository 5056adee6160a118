import { setTimeout as sleep } from 'node:timers/promises';
import { startGateway, type RunningGateway } from '../../gateway/startGateway';
import { portOrFreePort } from '../../kit/server/freePort';
import { postGraphQL, startTestSubgraph, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph } from '../../kit/testing';
import { findSubgraph } from '../../supergraph.config';
import { startLoadProcess, type LoadProcess, type LoadSummary, type PhaseSummary } from './support/loadProcess';
import { startSubgraphProcess, type SubgraphProcess } from './support/subgraphProcess';

const QUERY = 'query ($ref: ID!) { entity(ref: $ref) { ref name latestRuns { pipeline status } } }';
const REF = 'component:default/checkout-service';
/**
 * Small, so a hung subgraph costs each request two seconds, not the default 10; not
 * smaller, because it bounds the healthy catalog's fetches too, and on a 2-core machine
 * busy with other tests a 1 s bound sometimes timed the catalog out while cicd restarted.
 */
const TIMEOUT_MS = 2_000;
const TIMED_OUT = `cicd SUBGRAPH_TIMEOUT -: Subgraph "cicd" did not answer within ${TIMEOUT_MS} ms`;
const UNAVAILABLE = 'cicd SUBGRAPH_UNAVAILABLE -: Subgraph "cicd" is unavailable';
/** How long the test holds each state while the load runs. */
const HOLD_MS = 2_500;

/**
 * The cicd plugin runs as its own process (bin/subgraph.ts) and is killed, hung
 * (SIGSTOP) and restarted while a second process keeps the gateway busy. The catalog, the
 * healthy subgraph, and the gateway live in this process and are never restarted.
 */
describe('a plugin subgraph process killed, hung and restarted under load', () => {
  let catalog: RunningTestSubgraph<unknown>;
  let cicd: SubgraphProcess | undefined;
  let gateway: RunningGateway;
  let summary: LoadSummary;
  /** Fixed for the run: the restarted process comes back where the gateway expects it. */
  let cicdPort: number;
  let load: LoadProcess | undefined;
  let tornDown = false;
  const startCicd = async () => {
    const started = await startSubgraphProcess('cicd', { port: cicdPort, secret: TEST_SUBGRAPH_SECRET, args: ['--in-memory', '--demo'] });
    // A scenario that outlived its hook's timeout must not leave a process behind afterAll.
    if (tornDown) await started.stop();
    cicd = started;
  };

  /** Polls through the gateway until the plugin's fields come back; bounded. */
  async function untilPluginAnswers() {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(200)) {
      const response = await postGraphQL(`http://127.0.0.1:${gateway.port}/graphql`, QUERY, { ref: REF });
      if (!response.errors && response.data?.entity.latestRuns?.length) return;
    }
    throw new Error('the plugin did not come back within 30 s');
  }

  beforeAll(async () => {
    catalog = await startTestSubgraph(await findSubgraph('catalog').load(), { demo: true });
    cicdPort = await portOrFreePort(0);
    await startCicd();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'catalog', url: catalog.url }, { name: 'cicd', url: cicd!.url }] },
      subgraphSecret: TEST_SUBGRAPH_SECRET,
      subgraphTimeoutMs: TIMEOUT_MS,
      log: () => undefined,
    });
    load = await startLoadProcess({
      url: `http://127.0.0.1:${gateway.port}/graphql`,
      query: QUERY,
      variables: { ref: REF },
      phase: 'up',
      concurrency: 4,
      pauseMs: 25,
      maxSeconds: 150,
      maxRequests: 50_000,
      check: ['entity.ref', 'entity.name', 'entity.latestRuns'],
      forbid: ['127.0.0.1', 'http', String(cicdPort), 'ECONN', 'stack'],
    });
    if (tornDown) await load.stop();
    try {
      await sleep(HOLD_MS);
      // Phases named "-ing" hold the requests sent while the state changes.
      await load.phase('hanging');
      cicd!.signal('SIGSTOP');
      await load.phase('hung');
      await sleep(HOLD_MS);
      await load.phase('resuming');
      cicd!.signal('SIGCONT');
      await untilPluginAnswers();
      await load.phase('resumed');
      await sleep(HOLD_MS);
      await load.phase('killing');
      cicd!.signal('SIGKILL');
      await cicd!.exited;
      await load.phase('killed');
      await sleep(HOLD_MS);
      await load.phase('restarting');
      await startCicd();
      await untilPluginAnswers();
      await load.phase('restarted');
      await sleep(HOLD_MS);
    } finally {
      summary = await load.stop();
    }
  }, 170_000);

  afterAll(async () => {
    tornDown = true;
    try {
      await load?.stop().catch(() => undefined);
      await gateway?.stop();
    } finally {
      await cicd?.stop();
      await catalog?.stop();
    }
  });

  const phase = (name: string): PhaseSummary => summary.phases[name];
  const healthy = (tally: PhaseSummary) => ({ ref: tally.nulls['entity.ref'], name: tally.nulls['entity.name'] });

  it('stopped when told to, with load in every phase', () => {
    expect(summary.stoppedBy).toBe('stop');
    expect(Object.keys(summary.phases)).toEqual(['up', 'hanging', 'hung', 'resuming', 'resumed', 'killing', 'killed', 'restarting', 'restarted']);
    for (const name of ['up', 'hung', 'resumed', 'killed', 'restarted']) expect(phase(name).requests).toBeGreaterThan(0);
  });

  it('answers every request 200, with the catalog fields never null or in error, and no URL anywhere', () => {
    // Per phase, so a failure says when; every error must name the plugin, none a catalog field.
    const seen = Object.entries(summary.phases).map(([name, tally]) => ({
      phase: name,
      statuses: tally.statuses,
      catalogNulls: healthy(tally),
      otherErrors: Object.keys(tally.errors).filter((key) => key !== TIMED_OUT && key !== UNAVAILABLE),
      leaks: tally.leaks,
    }));
    const expected = Object.entries(summary.phases).map(([name, tally]) => ({
      phase: name,
      // A short transition may have sent nothing.
      statuses: tally.requests ? { 200: tally.requests } : {},
      catalogNulls: { ref: 0, name: 0 },
      otherErrors: [],
      leaks: 0,
    }));
    expect(seen).toEqual(expected);
  });

  /** What a phase's responses lost: how many had errors, which errors, how often the plugin's field was null. */
  const losses = ({ withErrors, errors, nulls }: PhaseSummary) => ({ withErrors, errors, pluginNulls: nulls['entity.latestRuns'] });

  it.each(['up', 'resumed', 'restarted'])('while cicd answers (%s), every response is whole', (name) => {
    expect(losses(phase(name))).toEqual({ withErrors: 0, errors: {}, pluginNulls: 0 });
  });

  it('while cicd is hung, each response loses only its fields, to a timeout naming it', () => {
    const { requests } = phase('hung');
    expect(losses(phase('hung'))).toEqual({ withErrors: requests, errors: { [TIMED_OUT]: requests }, pluginNulls: requests });
  });

  it('while cicd is killed, each response loses only its fields, to an error saying it is unavailable', () => {
    const { requests } = phase('killed');
    expect(losses(phase('killed'))).toEqual({ withErrors: requests, errors: { [UNAVAILABLE]: requests }, pluginNulls: requests });
  });

  afterAll(() => {
    // The run's shape, for the report: requests and slowest answer per phase.
    console.log(Object.entries(summary?.phases ?? {}).map(([name, tally]) => `${name}: ${tally.requests} requests, max ${tally.maxMs} ms`).join('\n'));
  });
});
