import { portOrFreePort } from '../../kit/server/freePort';
import { testDatabaseKinds, type TestDatabase } from '../../kit/testing';
import { componentYaml } from '../../subgraphs/catalog/ingestion/componentYaml';
import { startProcess, type RunningProcess } from '../registry/startProcess';
import { CollectedEvents, type ReceivedChange } from './collectEvents';

/*
 * Issue 21, "Across processes": the catalog and cicd subgraphs and two gateways, each its own
 * process, on PostgreSQL. Each gateway reads the sources over their signed `POST /events` and
 * is woken by LISTEN (`ENSEMBLE_EVENTS_LISTEN_URLS`); its poll is set far beyond the test's
 * waits, so only a NOTIFY delivers in time. A subscriber on each gateway gets a catalog change
 * written through one gateway and a failed run recorded through the other, in order, once.
 */
const SECRET = 'xproc-system-test-subgraph-secret-0123456789';
const TOKEN = 'xproc-system-test-admin-token';
/** Longer than any wait below: a delivery must come from a NOTIFY, not from the slow poll. */
const POLL_MS = 600_000;
const WAIT_MS = 90_000;
const SELECTION = `subscription {
  entityChanged {
    cursor change source ref fields
    entity { ref name latestRuns { pipeline status } }
  }
}`;
const APPLY = 'mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }';
const RECORD_RUN = 'mutation ($input: PipelineRunInput!) { recordPipelineRun(input: $input) { status } }';
const TARGET = 'component:default/xproc-target';

const postgres = testDatabaseKinds().find((kind) => kind.name === 'PostgreSQL')!;
if (postgres.skipReason) console.warn(`change feed across processes: ${postgres.skipReason}`);
const describePostgres = postgres.skipReason ? describe.skip : describe;

describePostgres(`the change feed across processes on PostgreSQL (${postgres.skipReason ? `skipped: ${postgres.skipReason}` : 'real processes'})`, () => {
  const processes: RunningProcess[] = [];
  const databases: TestDatabase[] = [];
  const gatewayPorts: number[] = [];
  const gatewayUrl = (index: number) => `http://127.0.0.1:${gatewayPorts[index]}/graphql`;
  const streams: CollectedEvents[] = [];
  let probes = 0;

  const graph = async (gateway: number, query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(gatewayUrl(gateway), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as { data?: any; errors?: unknown[] };
    if (answer.errors) throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  };
  const apply = async (gateway: number, yaml: string) => expect((await graph(gateway, APPLY, { yaml })).applyEntities.applied).toBe(true);
  const start = (script: string, args: string[], env: Record<string, string>, ready: RegExp) => {
    const running = startProcess(script, args, { ENSEMBLE_SUBGRAPH_SECRET: SECRET, ...env }, ready);
    processes.push(running);
    return running.ready;
  };

  /** Writes probe entities until every stream has one (a subscription without `after:` joins at the head), taking all up to it. */
  const untilLive = async () => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const name = `xproc-probe-${(probes += 1)}`;
      await apply(attempt % 2, componentYaml(name));
      let live = true;
      for (const stream of streams) live = (await stream.takeThrough(`component:default/${name}`, 5_000)) && live;
      if (live) return;
    }
    throw new Error('The subscriptions never joined the live feed');
  };

  beforeAll(async () => {
    databases.push(await postgres.create(), await postgres.create());
    const [catalogDb, cicdDb] = databases;
    gatewayPorts.push(await portOrFreePort(0), await portOrFreePort(0));
    const [catalog, cicd] = await Promise.all([
      start('bin/subgraph.ts', ['catalog', '--port', '0'], { CATALOG_DATABASE_URL: catalogDb.url }, /subgraph catalog ready at (\S+)/),
      // cicd checks the entity a run names by asking a gateway as the caller.
      start('bin/subgraph.ts', ['cicd', '--port', '0'], { CICD_DATABASE_URL: cicdDb.url, ENSEMBLE_GATEWAY_URL: gatewayUrl(0) }, /subgraph cicd ready at (\S+)/),
    ]);
    await Promise.all(gatewayPorts.map((port) =>
      start(
        'bin/gateway.ts',
        ['--port', String(port), '--subgraph', `catalog=${catalog[1]}`, '--subgraph', `cicd=${cicd[1]}`,
          '--api-token', `${TOKEN}=user:default/operator,group:default/platform`, '--subgraph-timeout', '120000'],
        { ENSEMBLE_EVENTS_LISTEN_URLS: `${catalogDb.url},${cicdDb.url}`, ENSEMBLE_FEED_POLL_MS: String(POLL_MS), ENSEMBLE_RATE_LIMIT_PER_MINUTE: '1000000' },
        /gateway ready at (\S+)/,
      )));
    await apply(0, componentYaml('xproc-target'));
  }, 600_000);

  afterAll(async () => {
    for (const stream of streams) await stream.close();
    await Promise.all(processes.map((running) => running.stop()));
    for (const database of databases) await database.drop();
  }, 120_000);

  it('delivers a catalog change and a failed run, written through different gateways, to a subscriber on each gateway, in order, exactly once', async () => {
    streams.push(...gatewayPorts.map((port) => CollectedEvents.overWebSocket(port, TOKEN, SELECTION)));
    await untilLive();

    const delivered = async (what: string, written: number) => {
      const received = await Promise.all(streams.map((stream) => stream.next(1, WAIT_MS)));
      received.forEach(([{ at }], index) => console.log(`${what}: write start to delivery on gateway ${index + 1}: ${at - written} ms`));
      return received.map(([{ change }]) => change);
    };

    let written = Date.now();
    await apply(0, componentYaml('xproc-target', { metadata: '  description: changed across processes\n' }));
    const updates = await delivered('applyEntities through gateway 1', written);

    written = Date.now();
    await graph(1, RECORD_RUN, { input: { entityRef: TARGET, pipeline: 'build', status: 'FAILED', startedAt: new Date().toISOString() } });
    const failures = await delivered('recordPipelineRun through gateway 2', written);

    for (const [update, failure] of updates.map((update, index) => [update, failures[index]] as [ReceivedChange, ReceivedChange])) {
      expect(update).toMatchObject({ change: 'UPDATED', source: 'catalog', ref: TARGET, entity: { ref: TARGET, name: 'xproc-target', latestRuns: [] } });
      expect(update.fields).toContain('metadata.description');
      expect(failure).toMatchObject({ change: 'PIPELINE_FAILED', source: 'cicd', ref: TARGET, entity: { name: 'xproc-target', latestRuns: [{ pipeline: 'build', status: 'FAILED' }] } });
    }
    // Both gateways merged the two sources into the same cursors.
    expect(updates[1].cursor).toBe(updates[0].cursor);
    expect(failures[1].cursor).toBe(failures[0].cursor);

    // Exactly once: a later write on each source is the next thing each subscriber gets.
    const fence = `xproc-probe-${(probes += 1)}`;
    await apply(1, componentYaml(fence));
    await graph(0, RECORD_RUN, { input: { entityRef: `component:default/${fence}`, pipeline: 'fence', status: 'FAILED', startedAt: new Date().toISOString() } });
    for (const stream of streams) {
      const after = await stream.next(2, WAIT_MS);
      // The two sources' order between them is the merge's choice; each comes once.
      expect(after.map(({ change }) => [change.change, change.ref]).sort()).toEqual([
        ['CREATED', `component:default/${fence}`],
        ['PIPELINE_FAILED', `component:default/${fence}`],
      ]);
      expect(stream.pending()).toEqual([]);
    }
  }, 600_000);
});
