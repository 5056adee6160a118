/**
 * `npm run bench:ingest [-- --sizes 1000,10000 --database pglite|pglite-files|postgres]`: how long the
 * catalog takes from registering a generated location until every entity is queryable,
 * with its relations, and the process's memory (see bench/README.md). Prints a table and JSON.
 * `--help` lists the flags; node's own flags (`node --max-old-space-size=1024 --import tsx
 * bench/ingest.ts`) reach each size's process too.
 *
 * Backstage's catalog backend needed about two minutes for 10,000 entities on this kind
 * of machine (the measurement); the target is 20x faster.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GCProfiler, getHeapSpaceStatistics } from 'node:v8';
import { startTestSubgraph } from '../kit/testing';
import { createCatalogSubgraph } from '../subgraphs/catalog';
import { benchDatabase, DATABASE_KINDS, type DatabaseKind } from './benchDatabases';
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
  /** Resident memory when the read starts: code, Prisma's engine, the schema; the generated catalog is garbage by then. */
  startRssMb: number;
  /** Peak resident memory during the read and the re-apply (with PGlite, its database too). */
  peakRssMb: number;
  /** Peak of the JavaScript heap in use (garbage not yet collected included) over the same span: not PGlite's data. */
  peakHeapMb: number;
  /**
   * Largest heap in use right after a full collection during the read: what the read
   * keeps alive, without garbage. `peakHeapMb` far above it is garbage V8 lets grow.
   */
  liveHeapMb: number | null;
  /** The same during the re-apply, which loads the location's stored rows first. */
  reapplyLiveHeapMb: number | null;
  /** Peak resident memory during the read alone: below `peakRssMb` when the re-apply went higher. */
  readPeakRssMb: number;
  /**
   * What reached V8's old generation during the read, garbage or not: objects that survived
   * two young collections, and large strings. How fast this grows, next to how fast V8
   * marks, sets how far V8 lets the heap grow past what is live before it collects again
   * (from 1.1x to 4x), hence `peakHeapMb` and `peakRssMb`: the figure to cut.
   */
  oldGenMb: number;
  /** Full collections over the read and the re-apply. */
  fullGcs: number;
  /** Time the main thread spent paused in collections (young and full) over the same span. */
  gcPauseSeconds: number;
}

const HELP = `npm run bench:ingest -- [flags]
  --sizes <n,n,...>          catalog sizes, each measured in its own process (default 1000,10000)
  --database <kind>          where the catalog lives: pglite (default; embedded, in memory), pglite-files
                             (embedded, in a temporary folder, as npm start keeps .data/), postgres
                             (ENSEMBLE_BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
  --one <n>                  measure one size in this process and print its row (what each child runs)
  --help                     this text
Node flags reach every size's process: node --max-old-space-size=1024 --import tsx bench/ingest.ts ...`;

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      database: { type: 'string', default: 'pglite' },
      one: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (!DATABASE_KINDS.includes(values.database as DatabaseKind)) throw new Error(`--database must be one of ${DATABASE_KINDS.join(', ')}`);
  const database = values.database as DatabaseKind;
  if (values.one) {
    console.log(`BENCH_ROW ${JSON.stringify(await measure(Number(values.one), database))}`);
    return;
  }
  const rows: Row[] = [];
  for (const size of values.sizes.split(',').map(Number)) rows.push(await measureInChild(size, database));
  console.table(rows);
  console.log(JSON.stringify({ benchmark: 'catalog-ingest', machine: `${process.platform} node ${process.version}`, rows }));
}

/**
 * One process per size: a size's memory figures must not start from the heap an earlier,
 * smaller size left grown (it made 100,000 start at ~320 MB after 10,000).
 */
async function measureInChild(size: number, database: DatabaseKind): Promise<Row> {
  const args = [...process.execArgv, __filename, '--one', String(size), '--database', database];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const line = output.split('\n').find((candidate) => candidate.startsWith('BENCH_ROW '));
  if (code !== 0 || !line) throw new Error(`the ${size}-entity ingest exited with ${code}`);
  return JSON.parse(line.slice('BENCH_ROW '.length));
}

async function measure(size: number, database: DatabaseKind): Promise<Row> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-bench-'));
  const { root, entities } = generateCatalog(dir, size);
  const { url, drop } = await benchDatabase(database, 'ingest');
  const catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0, localRoots: [dir] }), {
    databaseUrl: url,
    logs: { push: (line: string) => process.stderr.write(`  ${line}\n`) } as unknown as string[],
  });
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sampler = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
  }, 50);
  const collections = new GCProfiler();
  const oldGenAtStart = oldGenerationNow();
  collections.start();
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await catalog.services.ingestion.registerLocation(root);
    const ingestSeconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    const readGcs = collections.stop()?.statistics ?? [];
    const readPeakRss = Math.max(peakRss, process.memoryUsage().rss);
    const oldGenAtEnd = oldGenerationNow();
    collections.start();
    const stored = await catalog.services.prisma.entity.count();
    const relations = await catalog.services.prisma.relation.count();
    if (stored !== entities) throw new Error(`expected ${entities} entities stored, found ${stored}`);
    const again = performance.now();
    await catalog.services.ingestion.refreshAll();
    const reapplySeconds = (performance.now() - again) / 1000;
    const reapplyGcs = collections.stop()?.statistics ?? [];
    const gcs = [...readGcs, ...reapplyGcs];
    return {
      database,
      entities: stored,
      relations,
      ingestSeconds: round(ingestSeconds),
      ingestCpuSeconds: round((user + system) / 1e6),
      reapplySeconds: round(reapplySeconds),
      entitiesPerSecond: Math.round(stored / ingestSeconds),
      startRssMb: megabytes(start.rss),
      peakRssMb: megabytes(peakRss),
      peakHeapMb: megabytes(peakHeap),
      liveHeapMb: liveAfterFullGcs(readGcs),
      reapplyLiveHeapMb: liveAfterFullGcs(reapplyGcs),
      readPeakRssMb: megabytes(readPeakRss),
      oldGenMb: megabytes(oldGenerationGrowth(readGcs, oldGenAtStart, oldGenAtEnd)),
      fullGcs: gcs.filter(isFull).length,
      // GCProfiler reports each collection's cost in microseconds.
      gcPauseSeconds: round(gcs.reduce((sum, gc) => sum + gc.cost, 0) / 1e6),
    };
  } finally {
    clearInterval(sampler);
    await catalog.stop();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Collection = NonNullable<ReturnType<GCProfiler['stop']>>['statistics'][number];
const isFull = (gc: Collection) => gc.gcType === 'MarkSweepCompact';
/** Null when no full collection ran (a short span): nothing says then what was live. */
const liveAfterFullGcs = (gcs: Collection[]) => {
  const full = gcs.filter(isFull);
  return full.length ? megabytes(Math.max(...full.map((gc) => gc.afterGC.heapStatistics.usedHeapSize))) : null;
};

const OLD_GENERATION = new Set(['old_space', 'code_space', 'large_object_space', 'code_large_object_space']);
type Spaces = { spaceName: string; spaceUsedSize: number }[];
/** Bytes in use in V8's old generation. */
const oldGenerationBytes = (spaces: Spaces) =>
  spaces.reduce((sum, space) => sum + (OLD_GENERATION.has(space.spaceName) ? space.spaceUsedSize : 0), 0);
const oldGenerationNow = () =>
  oldGenerationBytes(getHeapSpaceStatistics().map((space) => ({ spaceName: space.space_name, spaceUsedSize: space.space_used_size })));
/**
 * What entered the old generation over a span: its growth between collections (large
 * objects, pretenured ones) plus what each young collection promoted into it. Full
 * collections free, they add nothing.
 */
const oldGenerationGrowth = (gcs: Collection[], atStart: number, atEnd: number) => {
  let growth = 0;
  let last = atStart;
  for (const gc of gcs) {
    const before = oldGenerationBytes(gc.beforeGC.heapSpaceStatistics);
    const after = oldGenerationBytes(gc.afterGC.heapSpaceStatistics);
    growth += Math.max(0, before - last) + (isFull(gc) ? 0 : Math.max(0, after - before));
    last = after;
  }
  return growth + Math.max(0, atEnd - last);
};

const round = (value: number) => Math.round(value * 100) / 100;
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
