import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { portOrFreePort } from '../../kit/server/freePort';
import { testDatabaseKinds, type TestDatabase } from '../../kit/testing';
import { startProcess, type RunningProcess } from '../registry/startProcess';
import { startFailoverProxy, type FailoverProxy } from './support/failoverProxy';

/**
 * Issue 22's "Done means" for catalog replicas, with real processes on PostgreSQL: two
 * catalog replicas, one cicd, two gateways, each gateway behind a load balancer that
 * prefers a different catalog replica (test/production/support/failoverProxy.ts).
 */
const SECRET = 'replicas-system-test-subgraph-secret-0123456789';
const TOKEN = 'replicas-system-test-admin-token';
const PROBE_TOKEN = 'replicas-system-test-probe-token';
const redisUrl = process.env.ENSEMBLE_TEST_REDIS_URL;
if (!redisUrl) console.warn(`catalog replicas system test, gateway state in Redis: ${process.env.ENSEMBLE_TEST_REDIS_SKIP ?? 'Redis was not probed'}`);
const REDIS_PREFIX = `ensemble:counters:`;
const FILES = 100;
const PER_FILE = 100; // 10,000 entities in one location
/**
 * The kill window's bound: every request that fails must end within this long after the
 * reading replica is killed (those are the requests it held when it died; new ones go to
 * the other replica at once). Generous for a loaded machine; failures in practice end
 * within milliseconds of the kill.
 */
const KILL_WINDOW_MS = 5_000;
const LEASE_SECONDS = 3;
const MAX_LOAD_REQUESTS = 20_000;
const LIST = '{ entities(first: 5, filter: { kind: ["Component"] }) { totalCount edges { node { ref } } } }';

const postgres = testDatabaseKinds().find((kind) => kind.name === 'PostgreSQL')!;
if (postgres.skipReason) console.warn(`catalog replicas system test: ${postgres.skipReason}`);
const describePostgres = postgres.skipReason ? describe.skip : describe;

const componentDoc = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `test`, at most `limitMs` (a guard against hangs, not a speed assertion). */
async function until<T>(what: string, test: () => Promise<T | undefined | false>, limitMs: number): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await test();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Not within ${limitMs} ms: ${what}`);
    await sleep(50);
  }
}

interface LoadRecord {
  started: number;
  ended: number;
  ok: boolean;
  error?: string;
}

describePostgres(`catalog replicas on PostgreSQL (${postgres.skipReason ? `skipped: ${postgres.skipReason}` : 'real processes'})`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-replicas-'));
  const big = path.join(dir, 'big', '*.yaml');
  const processes: RunningProcess[] = [];
  const proxies: FailoverProxy[] = [];
  let catalogDb: TestDatabase;
  let cicdDb: TestDatabase;
  let sql: Client;
  const catalogPorts: number[] = [];
  const catalogs: RunningProcess[] = [];
  const gateways: string[] = [];

  const startCatalog = (port: number) => {
    const running = startProcess('bin/subgraph.ts', ['catalog', '--port', String(port)], {
      CATALOG_DATABASE_URL: catalogDb.url,
      ENSEMBLE_SUBGRAPH_SECRET: SECRET,
      CATALOG_LOCAL_ROOTS: dir,
      CATALOG_REFRESH_SECONDS: '4',
      CATALOG_READ_LEASE_SECONDS: String(LEASE_SECONDS),
    }, /subgraph catalog ready at (\S+)/);
    processes.push(running);
    return running;
  };
  const graph = async (gateway: string, query: string, variables?: Record<string, unknown>, token = TOKEN) => {
    const response = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  };
  const bigState = async () =>
    (
      await sql.query<{ claimed_by: string | null; last_read_at: Date | null; attempts: number; stored: string }>(
        `SELECT s.claimed_by, s.last_read_at, s.attempts, (SELECT count(*) FROM entities e WHERE e.location_id = l.id) AS stored
         FROM locations l JOIN location_read_state s ON s.location_id = l.id WHERE l.target = $1`,
        [big],
      )
    ).rows[0];

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'big'));
    for (let file = 0; file < FILES; file++) {
      const docs = Array.from({ length: PER_FILE }, (_, index) => componentDoc(`c-${String(file).padStart(3, '0')}-${String(index).padStart(3, '0')}`));
      writeFileSync(path.join(dir, 'big', `part-${String(file).padStart(3, '0')}.yaml`), docs.join('---\n'));
    }
    for (let index = 0; index < 6; index++) writeFileSync(path.join(dir, `small-${index}.yaml`), componentDoc(`small-${index}`));
    [catalogDb, cicdDb] = [await postgres.create(), await postgres.create()];
    sql = new Client({ connectionString: catalogDb.url });
    await sql.connect();
    catalogPorts.push(await portOrFreePort(0), await portOrFreePort(0));
    // One after the other: the first applies the migrations.
    for (const port of catalogPorts) {
      catalogs.push(startCatalog(port));
      await catalogs[catalogs.length - 1].ready;
    }
    const cicd = startProcess('bin/subgraph.ts', ['cicd', '--port', '0'], { CICD_DATABASE_URL: cicdDb.url, ENSEMBLE_SUBGRAPH_SECRET: SECRET }, /subgraph cicd ready at (\S+)/);
    processes.push(cicd);
    const cicdUrl = (await cicd.ready)[1];
    for (const order of [catalogPorts, [...catalogPorts].reverse()]) {
      const proxy = await startFailoverProxy(order);
      proxies.push(proxy);
      const gateway = startProcess(
        'bin/gateway.ts',
        ['--port', '0', '--subgraph', `catalog=http://127.0.0.1:${proxy.port}/graphql`, '--subgraph', `cicd=${cicdUrl}`,
          '--api-token', `${TOKEN}=user:default/operator,group:default/platform`, '--api-token', `${PROBE_TOKEN}=user:default/probe-${process.pid}`,
          '--subgraph-timeout', '120000'],
        // A budget far above the test's load: the point is that both gateways count into one.
        { ENSEMBLE_SUBGRAPH_SECRET: SECRET, ENSEMBLE_RATE_LIMIT_PER_MINUTE: '1000000', ...(redisUrl ? { REDIS_URL: redisUrl } : {}) },
        /gateway ready at (\S+)/,
      );
      processes.push(gateway);
      gateways.push((await gateway.ready)[1]);
    }
  }, 600_000);

  afterAll(async () => {
    await Promise.all(processes.map((running) => running.stop()));
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await sql?.end();
    await catalogDb?.drop();
    await cicdDb?.drop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('survives the reading replica being killed: the read completes elsewhere, exactly once, and requests fail only in the kill window', async () => {
    for (let index = 0; index < 6; index++) {
      const registered = await graph(gateways[index % 2], 'mutation ($target: String!) { registerLocation(target: $target) { id } }', { target: path.join(dir, `small-${index}.yaml`) });
      expect(registered.errors).toBeUndefined();
    }

    // A bounded load through both gateways, for the whole test.
    const records: LoadRecord[] = [];
    let loading = true;
    const worker = async (index: number) => {
      for (let sent = index; loading && records.length < MAX_LOAD_REQUESTS; sent++) {
        const record: LoadRecord = { started: Date.now(), ended: 0, ok: false };
        try {
          const answer = await graph(gateways[sent % 2], LIST);
          record.ok = !answer.errors && answer.data?.entities?.totalCount > 0;
          if (!record.ok) record.error = JSON.stringify(answer.errors);
        } catch (error) {
          record.error = String(error);
        }
        record.ended = Date.now();
        records.push(record);
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(worker));

    // Registering reads at once, on whichever replica the first gateway's balancer picks.
    const registering = graph(gateways[0], 'mutation ($target: String!) { registerLocation(target: $target) { id } }', { target: big }).catch((error) => ({ error }));
    const reading = await until('the big read has stored its first batches', async () => {
      const state = await bigState();
      if (state && Number(state.stored) >= 10_000) throw new Error('The read finished before the test could kill its reader: make the location bigger');
      return state?.claimed_by && Number(state.stored) >= 500 ? state : undefined;
    }, 300_000);
    const pid = Number(reading.claimed_by!.split(':')[1]);
    const killedIndex = catalogs.findIndex((running) => running.child.pid === pid);
    expect(killedIndex).toBeGreaterThanOrEqual(0);
    const survivor = catalogs[1 - killedIndex];
    const killedAt = Date.now();
    catalogs[killedIndex].child.kill('SIGKILL');
    await catalogs[killedIndex].exited;
    await registering;

    // The survivor takes the read over once the lease runs out, and finishes it.
    const done = await until('the read completes on the surviving replica', async () => {
      const state = await bigState();
      return state && !state.claimed_by && state.last_read_at && state.attempts === 0 && Number(state.stored) === FILES * PER_FILE ? state : undefined;
    }, 480_000);
    expect(done.last_read_at!.getTime()).toBeGreaterThan(killedAt - 60_000);
    expect(survivor.output()).toMatch(/taking over the read of location .* from .*:\d+:\w+, whose lease ran out/);

    // A new replica replaces the dead one, on its port, as an orchestrator would.
    catalogs[killedIndex] = startCatalog(catalogPorts[killedIndex]);
    await catalogs[killedIndex].ready;
    await sleep(3_000);
    loading = false;
    await load;

    // Exactly the file's entities: none lost, none twice, none orphaned.
    const expected = Array.from({ length: FILES * PER_FILE }, (_, index) =>
      `component:default/c-${String(Math.floor(index / PER_FILE)).padStart(3, '0')}-${String(index % PER_FILE).padStart(3, '0')}`);
    const stored = await sql.query<{ ref: string; orphaned_at: Date | null }>(
      `SELECT e.ref, e.orphaned_at FROM entities e JOIN locations l ON l.id = e.location_id WHERE l.target = $1 ORDER BY e.ref`, [big]);
    expect(stored.rows.map((row) => row.ref)).toEqual(expected);
    expect(stored.rows.filter((row) => row.orphaned_at)).toEqual([]);

    // Requests failed only inside the kill window.
    const failed = records.filter((record) => !record.ok);
    const outside = failed.filter((record) => record.ended < killedAt || record.ended > killedAt + KILL_WINDOW_MS);
    const succeeded = records.filter((record) => record.ok);
    console.log(`load: ${records.length} requests, ${failed.length} failed (all within ${KILL_WINDOW_MS} ms after the kill: ${outside.length === 0})`);
    expect(outside).toEqual([]);
    expect(succeeded.filter((record) => record.started > killedAt + KILL_WINDOW_MS).length).toBeGreaterThan(0);
    expect(succeeded.filter((record) => record.ended < killedAt).length).toBeGreaterThan(0);
  }, 900_000);

  it('gives one winner and one VERSION_CONFLICT to writes of one entity at one version through the two gateways', async () => {
    const yaml = (description: string) => componentDoc('contended').replace('metadata:\n', `metadata:\n  description: ${description}\n`);
    const apply = 'mutation ($yaml: String!, $expectedVersion: String) { applyEntities(yaml: $yaml, expectedVersion: $expectedVersion) { applied } }';
    expect((await graph(gateways[0], apply, { yaml: yaml('start') })).data?.applyEntities.applied).toBe(true);
    for (let round = 0; round < 3; round++) {
      const etag = (await graph(gateways[1], '{ entity(ref: "component:default/contended") { etag } }')).data?.entity.etag;
      expect(typeof etag).toBe('string');
      const answers = await Promise.all(gateways.map((gateway, index) => graph(gateway, apply, { yaml: yaml(`round-${round}-${index}`), expectedVersion: etag })));
      expect(answers.filter((answer) => answer.data?.applyEntities?.applied).length).toBe(1);
      expect(answers.flatMap((answer) => answer.errors ?? []).map((error) => error.extensions?.code)).toEqual(['VERSION_CONFLICT']);
    }
  }, 120_000);

  it('shows the reads spread between the two replicas in their /metrics', async () => {
    const readsOf = async (port: number) => {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      // Claimed reads, whether they read or found the source unchanged: both are the replica's share of the work.
      const lines = [...text.matchAll(/ensemble_ingestion_reads_total\{[^}]*outcome="(?:ok|unchanged)"[^}]*\} (\d+)/g)];
      return lines.reduce((sum, line) => sum + Number(line[1]), 0);
    };
    // Locations fall due every 4 s (±25%): both replicas claim some within a few rounds.
    const counts = await until('both replicas have read locations', async () => {
      const both = await Promise.all(catalogPorts.map(readsOf));
      return both.every((count) => count > 0) ? both : undefined;
    }, 120_000);
    console.log(`reads per replica: ${counts.join(', ')}`);
    const metrics = await (await fetch(`http://127.0.0.1:${catalogPorts[0]}/metrics`)).text();
    expect(metrics).toMatch(/ensemble_ingestion_queue_depth\{service="catalog"\} \d+/);
    expect(metrics).toMatch(/ensemble_ingestion_lag_seconds\{service="catalog"\} [\d.]+/);
  }, 180_000);

  (redisUrl ? it : it.skip)('counts one caller\'s operations through both gateways in one Redis budget', async () => {
    const Redis = (await import('ioredis')).default;
    const redis = new Redis(redisUrl!);
    try {
      for (let index = 0; index < 6; index++) expect((await graph(gateways[index % 2], LIST, undefined, PROBE_TOKEN)).errors).toBeUndefined();
      const keys = await redis.keys(`${REDIS_PREFIX}rate:user:default/probe-${process.pid}:*`);
      const counts = await Promise.all(keys.map((key) => redis.get(key)));
      expect(counts.reduce((sum, count) => sum + Number(count), 0)).toBe(6);
    } finally {
      redis.disconnect();
    }
  }, 60_000);
});
