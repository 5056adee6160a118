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
import { startTestSubgraph } from '../kit/testing';
import { createCatalogSubgraph } from '../subgraphs/catalog';
import { benchDatabase, type DatabaseKind } from './benchDatabases';
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
  if (values.database !== 'pglite' && values.database !== 'postgres') throw new Error('--database must be pglite or postgres');
  for (const size of sizes) rows.push(await measure(size, values.database));
  console.table(rows);
  console.log(JSON.stringify({ benchmark: 'catalog-ingest', machine: `${process.platform} node ${process.version}`, rows }));
}

async function measure(size: number, database: DatabaseKind): Promise<Row> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-bench-'));
  const { root, entities } = generateCatalog(dir, size);
  const { url, drop } = await benchDatabase(database, 'ingest');
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

const round = (value: number) => Math.round(value * 100) / 100;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
