/**
 * `npm run bench:ingest [-- --sizes 1000,10000 --database pglite|postgres]`: how long the
 * catalog takes from registering a generated location until every entity is queryable,
 * with its relations, and the process's peak memory. Prints a table and JSON.
 *
 * Backstage's catalog backend needed about two minutes for 10,000 entities on this kind
 * of machine (the measurement); the target is 20x faster.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { startTestSubgraph } from '../kit/testing';
import { createCatalogSubgraph } from '../subgraphs/catalog';
import { generateCatalog } from './generateCatalog';

interface Row {
  database: string;
  entities: number;
  relations: number;
  ingestSeconds: number;
  /** CPU this process spent on the first read: steadier than wall time on a busy machine (PGlite runs in process). */
  ingestCpuSeconds: number;
  reapplySeconds: number;
  entitiesPerSecond: number;
  peakRssMb: number;
}

async function main() {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' }, database: { type: 'string', default: 'pglite' } } });
  const sizes = values.sizes.split(',').map(Number);
  const rows: Row[] = [];
  for (const size of sizes) rows.push(await measure(size, values.database));
  console.table(rows);
  console.log(JSON.stringify({ benchmark: 'catalog-ingest', machine: `${process.platform} node ${process.version}`, rows }));
}

async function measure(size: number, database: string): Promise<Row> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-bench-'));
  const { root, entities } = generateCatalog(dir, size);
  const { url, drop } = await benchDatabase(database);
  const catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0 }), {
    databaseUrl: url,
    logs: { push: (line: string) => process.stderr.write(`  ${line}\n`) } as unknown as string[],
  });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await catalog.services.ingestion.registerLocation(root);
    const ingestSeconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    const stored = await catalog.services.prisma.entity.count();
    const relations = await catalog.services.prisma.relation.count();
    if (stored !== entities) throw new Error(`expected ${entities} entities stored, found ${stored}`);
    const again = performance.now();
    await catalog.services.ingestion.refreshAll();
    const reapplySeconds = (performance.now() - again) / 1000;
    return {
      database,
      entities: stored,
      relations,
      ingestSeconds: round(ingestSeconds),
      ingestCpuSeconds: round((user + system) / 1e6),
      reapplySeconds: round(reapplySeconds),
      entitiesPerSecond: Math.round(stored / ingestSeconds),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
    };
  } finally {
    clearInterval(sampler);
    await catalog.stop();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchDatabase(kind: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { url: 'memory://', drop: async () => undefined };
  const admin = process.env.ENSEMBLE_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `ensemble_bench_${Date.now()}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const round = (value: number) => Math.round(value * 100) / 100;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
