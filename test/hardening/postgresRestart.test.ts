import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';
import { privatePostgresSkipReason, startPrivatePostgres, type PrivatePostgres } from './support/privatePostgres';
import { startWriteLoop, type Write, type WriteLoop } from './support/writeLoop';

// The server is crashed and restarted, so it is a private one, never the shared server on 5432.
if (privatePostgresSkipReason) console.warn(`PostgreSQL restart: ${privatePostgresSkipReason}`);
const describeWithServer = privatePostgresSkipReason ? describe.skip : describe;

const APPLY = 'mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }';
const RECORD = 'mutation ($input: PipelineRunInput!) { recordPipelineRun(input: $input) { externalId } }';
/** What a client sees while the database is down: masked, naming only the subgraph. */
const unavailable = (field: string, serviceName: string) => [
  { message: 'The database is unavailable; try again shortly', path: [field], extensions: { code: 'DB_UNAVAILABLE', serviceName } },
];
/** A bound on a hang, not a speed target: with a 1 s connect timeout a failure should take far less. */
const FAIL_FAST_MS = 5_000;
/** Each catalog write is two entities in one transaction: both are stored, or neither. */
const entityRefs = (id: number) => [`component:default/crash-${id}`, `group:default/crash-team-${id}`];
const descriptors = (id: number) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: crash-${id} }
spec: { type: service, lifecycle: production, owner: group:default/crash-team-${id} }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: crash-team-${id} }
spec: { type: team, children: [] }
`;
/** Runs are spread over ten entities: at most 500 writes, so each one's runs fit in one page of 100. */
const runOwner = (id: number) => `component:default/runs-${id % 10}`;

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) if (await condition()) return;
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

describeWithServer(`a PostgreSQL server that crashes and restarts${privatePostgresSkipReason ? ` (skipped: ${privatePostgresSkipReason})` : ''}`, () => {
  let server: PrivatePostgres;
  let platform: TestPlatform;
  let entities: WriteLoop;
  let runs: WriteLoop;
  let crashed = 0;
  let restarting = 0;
  let restarted = 0;
  const outageReads: { ms: number; errors: unknown; subgraphReady: number }[] = [];

  const ask = (query: string, variables?: Record<string, unknown>) => postGraphQL(platform.gatewayUrl, query, variables);
  const catalogReady = async () => (await fetch(platform.subgraphs.catalog.url.replace(/\/graphql$/, '/readyz'))).status;
  const acknowledgedAfter = (loop: WriteLoop, time: number) => loop.writes.some((write) => write.acknowledged && write.startedAt > time);
  const endedWithin = (loop: WriteLoop, from: number, to: number) => loop.writes.filter((write) => write.startedAt >= from && write.endedAt <= to);

  beforeAll(async () => {
    server = await startPrivatePostgres();
    const admin = new Client({ connectionString: server.url('postgres'), connectionTimeoutMillis: 5_000 });
    await admin.connect();
    await admin.query('CREATE DATABASE catalog');
    await admin.query('CREATE DATABASE cicd');
    await admin.end();
    platform = await startPlatform({
      only: ['catalog', 'cicd'],
      subgraph: (name) => ({ databaseUrl: server.url(name), database: { connectTimeoutMs: 1_000, statementTimeoutMs: 2_000 } }),
    });

    // Runs are recorded only for entities the catalog has (docs/permissions.md).
    const owners = Array.from({ length: 10 }, (_, id) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: runs-${id} }
spec: { type: service, lifecycle: production, owner: group:default/runs-team }
`).join('---\n');
    expect((await ask(APPLY, { yaml: owners })).data?.applyEntities.applied).toBe(true);
    const bounds = { pauseMs: 30, maxWrites: 500 };
    entities = startWriteLoop((id) => ask(APPLY, { yaml: descriptors(id) }), (response) => response.data?.applyEntities.applied === true, bounds);
    runs = startWriteLoop(
      (id) =>
        ask(RECORD, { input: { entityRef: runOwner(id), pipeline: 'build', status: 'SUCCEEDED', startedAt: new Date().toISOString(), externalId: `crash-${id}` } }),
        (response) => response.data?.recordPipelineRun.externalId !== undefined,
      bounds,
    );
    try {
      await waitFor('five acknowledged writes of each kind', () => entities.writes.filter((w) => w.acknowledged).length >= 5 && runs.writes.filter((w) => w.acknowledged).length >= 5);
      await server.stop('immediate');
      crashed = Date.now();
      for (let i = 0; i < 3; i += 1) {
        const started = Date.now();
        const read = await ask('{ entities(first: 1) { totalCount } }');
        outageReads.push({ ms: Date.now() - started, errors: read.errors, subgraphReady: await catalogReady() });
      }
      await waitFor('three writes of each kind during the outage', () => endedWithin(entities, crashed, Date.now()).length >= 3 && endedWithin(runs, crashed, Date.now()).length >= 3);
      restarting = Date.now();
      // Crash recovery replays the WAL: the server refuses connections ("starting up") until it is done.
      await server.start();
      restarted = Date.now();
      await waitFor('a write of each kind acknowledged after the restart', () => acknowledgedAfter(entities, restarting) && acknowledgedAfter(runs, restarting));
    } finally {
      await Promise.all([entities.stop(), runs.stop()]);
    }
  }, 150_000);

  afterAll(async () => {
    try {
      await platform?.stop();
    } finally {
      await server?.remove();
    }
    // The run's shape, for the report.
    for (const [name, loop] of [['entities', entities], ['runs', runs]] as const) {
      const count = (test: (write: Write) => boolean) => loop?.writes.filter(test).length;
      console.log(
        `${name}: ${count(() => true)} writes, ${count((w) => w.acknowledged)} acknowledged, ` +
          `${count((w) => w.startedAt < crashed && w.endedAt >= crashed - 200)} in flight near the crash, ` +
          `${count((w) => w.startedAt >= crashed && w.startedAt < restarted)} sent while down or recovering ` +
          `(slowest ${Math.max(0, ...loop.writes.filter((w) => w.startedAt >= crashed && w.startedAt < restarted).map((w) => w.endedAt - w.startedAt))} ms); ` +
          `down ${restarting - crashed} ms, then recovering ${restarted - restarting} ms`,
      );
    }
  });

  it('acknowledged writes before the crash', () => {
    for (const loop of [entities, runs]) expect(loop.writes.filter((write) => write.acknowledged && write.endedAt < crashed).length).toBeGreaterThanOrEqual(5);
  });

  it('fails fast with a masked DB_UNAVAILABLE while the server is down, and is not ready', () => {
    expect(outageReads).toEqual(Array.from({ length: 3 }, () => ({ ms: expect.any(Number), errors: unavailable('entities', 'catalog'), subgraphReady: 503 })));
    for (const [loop, field, serviceName] of [[entities, 'applyEntities', 'catalog'], [runs, 'recordPipelineRun', 'cicd']] as const) {
      const outage = endedWithin(loop, crashed, restarting);
      expect(outage.length).toBeGreaterThanOrEqual(3);
      expect(outage.map(({ acknowledged, errors }) => ({ acknowledged, errors }))).toEqual(outage.map(() => ({ acknowledged: false, errors: unavailable(field, serviceName) })));
    }
    const startedDuringOutage = [...entities.writes, ...runs.writes].filter((write) => write.startedAt >= crashed && write.startedAt < restarted);
    for (const write of [...outageReads, ...startedDuringOutage.map((w) => ({ ms: w.endedAt - w.startedAt }))]) expect(write.ms).toBeLessThan(FAIL_FAST_MS);
  });

  it('every failed write failed with DB_UNAVAILABLE, including those in flight at the crash', () => {
    const failedWith = (loop: WriteLoop) => new Set(loop.writes.filter((write) => !write.acknowledged).map((write) => JSON.stringify(write.errors)));
    expect(failedWith(entities)).toEqual(new Set([JSON.stringify(unavailable('applyEntities', 'catalog'))]));
    expect(failedWith(runs)).toEqual(new Set([JSON.stringify(unavailable('recordPipelineRun', 'cicd'))]));
  });

  it('recovers by itself: ready again, and reads answer, without restarting any subgraph', async () => {
    expect(await catalogReady()).toBe(200);
    const read = await ask('{ entities(first: 1) { totalCount } }');
    expect(read.errors).toBeUndefined();
    expect(read.data?.entities.totalCount).toBeGreaterThanOrEqual(2 * entities.writes.filter((write) => write.acknowledged).length);
  });

  it('lost no acknowledged catalog write, and stored no failed one in part', async () => {
    const stored = new Set<string>();
    const refs = entities.writes.flatMap((write) => entityRefs(write.id));
    for (let i = 0; i < refs.length; i += 400) {
      const read = await ask('query ($refs: [ID!]!) { entitiesByRefs(refs: $refs) { ref } }', { refs: refs.slice(i, i + 400) });
      expect(read.errors).toBeUndefined();
      for (const entity of read.data?.entitiesByRefs ?? []) if (entity) stored.add(entity.ref);
    }
    const presence = (write: Write) => entityRefs(write.id).map((ref) => stored.has(ref));
    for (const write of entities.writes) {
      if (write.acknowledged) expect({ id: write.id, presence: presence(write) }).toEqual({ id: write.id, presence: [true, true] });
      else expect([[true, true], [false, false]]).toContainEqual(presence(write));
    }
  });

  it('lost no acknowledged pipeline run', async () => {
    const pages = Array.from({ length: 10 }, (_, owner) => `o${owner}: pipelineRunsFor(entityRef: "${runOwner(owner)}", first: 100) { externalId }`);
    const read = await ask(`{ ${pages.join(' ')} }`);
    expect(read.errors).toBeUndefined();
    const stored = new Set(Object.values(read.data ?? {}).flatMap((page: { externalId: string }[]) => page.map((run) => run.externalId)));
    const lost = runs.writes.filter((write) => write.acknowledged && !stored.has(`crash-${write.id}`)).map((write) => write.id);
    expect(lost).toEqual([]);
  });
});
