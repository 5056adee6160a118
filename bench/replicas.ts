/**
 * `npm run bench:replicas [-- options]`: list-query throughput through one gateway with one
 * catalog replica, then with two behind a round-robin balancer, on PostgreSQL.
 *
 *   --entities 2000     catalog size (one location, generated in a temporary folder)
 *   --duration 10       seconds of load per case
 *   --connections 8     concurrent requests of the load generator
 *   --postgres <url>    admin URL (default $ENSEMBLE_TEST_POSTGRES_URL or postgres@127.0.0.1:5432)
 *
 * On a two-core machine the load generator, the gateway, both replicas and PostgreSQL
 * share the cores: a second replica cannot add CPU, so expect no regression, not a
 * speed-up. The figure that matters there is that two replicas serve as much as one.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { portOrFreePort } from '../kit/server/freePort';
import { startProcess, type RunningProcess } from '../test/registry/startProcess';
import { startFailoverProxy } from '../test/production/support/failoverProxy';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '2000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    postgres: { type: 'string' },
  },
});
const entities = boundedInteger('entities', values.entities, 1, 100_000);
const durationMs = boundedInteger('duration', values.duration, 1, 600) * 1000;
const connections = boundedInteger('connections', values.connections, 1, 256);
const adminUrl = values.postgres ?? process.env.ENSEMBLE_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const SECRET = randomBytes(24).toString('hex');
const TOKEN = randomBytes(16).toString('hex');
const LIST = '{ entities(first: 20, filter: { kind: ["Component"] }) { totalCount edges { node { ref name description } } } }';

function boundedInteger(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return number;
}

async function withAdmin(work: (client: Client) => Promise<unknown>) {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Requests per second and latency percentiles of `connections` loops over the list query. */
async function measure(gatewayUrl: string): Promise<{ perSecond: number; p50: number; p95: number; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  const end = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({ query: LIST }),
        }).catch(() => null);
        const body = response && ((await response.json()) as { errors?: unknown[] });
        if (!body || body.errors) failed++;
        else latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? NaN;
  return { perSecond: latencies.length / (durationMs / 1000), p50: at(0.5), p95: at(0.95), failed };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-bench-replicas-'));
  const database = `ensemble_bench_replicas_${randomBytes(4).toString('hex')}`;
  const processes: RunningProcess[] = [];
  try {
    for (let file = 0; file * 100 < entities; file++) {
      const docs = Array.from({ length: Math.min(100, entities - file * 100) }, (_, index) =>
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: c-${file}-${index}\n  description: component ${index} of file ${file}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`);
      writeFileSync(path.join(dir, `part-${file}.yaml`), docs.join('---\n'));
    }
    await withAdmin((client) => client.query(`CREATE DATABASE ${database}`));
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    const ports = [await portOrFreePort(0), await portOrFreePort(0)];
    const env = { CATALOG_DATABASE_URL: url.toString(), ENSEMBLE_SUBGRAPH_SECRET: SECRET, CATALOG_LOCAL_ROOTS: dir, CATALOG_REFRESH_SECONDS: '0' };
    // The first replica reads the location before it says it is ready; the second finds it stored.
    for (const [index, port] of ports.entries()) {
      const args = ['catalog', '--port', String(port), ...(index === 0 ? ['--location', path.join(dir, '*.yaml')] : [])];
      const replica = startProcess('bin/subgraph.ts', args, env, /subgraph catalog ready at/);
      processes.push(replica);
      await replica.ready;
    }
    const rows: string[] = [];
    for (const upstreams of [[ports[0]], ports]) {
      const proxy = await startFailoverProxy(upstreams, { roundRobin: true });
      const gateway = startProcess(
        'bin/gateway.ts',
        ['--port', '0', '--subgraph', `catalog=http://127.0.0.1:${proxy.port}/graphql`, '--api-token', `${TOKEN}=user:default/bench`],
        { ENSEMBLE_SUBGRAPH_SECRET: SECRET },
        /gateway ready at (\S+)/,
      );
      processes.push(gateway);
      const gatewayUrl = (await gateway.ready)[1];
      await measure(gatewayUrl); // warm-up: plans cached, connections open
      const result = await measure(gatewayUrl);
      const spread = upstreams.map((port) => proxy.connections.get(port) ?? 0).join(' / ');
      rows.push(
        `| ${upstreams.length} | ${result.perSecond.toFixed(1)} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.failed} | ${spread} |`,
      );
      await gateway.stop();
      await proxy.close();
    }
    console.log(`\nList query (${entities} entities, ${connections} connections, ${durationMs / 1000} s per case, PostgreSQL, one gateway):\n`);
    console.log('| catalog replicas | requests/s | p50 ms | p95 ms | failed | balancer connections per replica |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    rows.forEach((row) => console.log(row));
    console.log('\nOn two cores every process shares the same CPU: expect no regression with two replicas, not a speed-up.');
  } finally {
    await Promise.all(processes.map((running) => running.stop()));
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
