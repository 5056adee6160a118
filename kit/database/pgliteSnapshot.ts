import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { applyMigrations, migrationsChecksum } from './applyMigrations';
import type { SqlClient, SqlExecutor } from './sqlClient';

/**
 * A new embedded database costs initdb (a second WebAssembly program, ~2-4 s of CPU)
 * and then every migration. A pre-migrated snapshot is PGlite's own dump of a database
 * that has run initdb and this subgraph's migrations and holds no rows; a new database
 * loads it instead (PGlite's `loadDataDir`), and its migrations then run as usual and
 * find nothing to do. Loading also skips initdb's second program and its memory (one
 * database just opened: 804 MB without, 437 MB with; once V8 has collected, the gap
 * varies: docs/notes.md, Session 8).
 */
export interface PgliteSnapshotOptions {
  /** The subgraph's migrations (Prisma's layout), which the snapshot has applied. */
  migrationsDir: string;
  /** Where snapshots are kept, one file per PGlite release and migrations' checksum. */
  cacheDir: string;
}

/** Where `npm start` and `npm run generate` keep snapshots: the repository's .cache (git ignores it). */
export const PGLITE_SNAPSHOT_DIR = path.resolve(__dirname, '../../.cache/pglite-snapshots');

/** PGlite's release: a dump is loaded only by the release that wrote it. */
export function pgliteVersion(): string {
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

/** The snapshot's file: named by what it was built from, so a changed migration builds a new one. */
export function snapshotFile({ migrationsDir, cacheDir }: PgliteSnapshotOptions): string {
  const key = migrationsChecksum(migrationsDir).slice(0, 16);
  return path.join(cacheDir, `pglite-${pgliteVersion()}-${path.basename(path.dirname(migrationsDir))}-${key}.tar`);
}

/**
 * Builds (once) and returns the snapshot's bytes. Snapshots are built one at a time, each
 * from one initdb'd cluster kept beside them (initdb runs once per PGlite release, not
 * once per subgraph): a first start that builds six at once held ~600 MB for each.
 */
export function premigratedSnapshot(options: PgliteSnapshotOptions): Promise<Uint8Array> {
  const file = snapshotFile(options);
  if (existsSync(file)) return Promise.resolve(readFileSync(file));
  const built = building.then(() => buildSnapshot(file, options));
  building = built.catch(() => undefined);
  return built;
}

let building: Promise<unknown> = Promise.resolve();

async function buildSnapshot(file: string, options: PgliteSnapshotOptions): Promise<Uint8Array> {
  // Another call (or process) may have built it while this one waited.
  if (existsSync(file)) return readFileSync(file);
  const db = await PGlite.create({ loadDataDir: new Blob([(await initdbCluster(options.cacheDir)) as Uint8Array<ArrayBuffer>]) });
  try {
    await applyMigrations(pgliteSqlClient(db), options.migrationsDir);
    return writeWhole(file, new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await db.close();
  }
}

/** An empty initdb'd cluster, PGlite's dump, kept in `cacheDir`. */
async function initdbCluster(cacheDir: string): Promise<Uint8Array> {
  const file = path.join(cacheDir, `pglite-${pgliteVersion()}-initdb.tar`);
  if (existsSync(file)) return readFileSync(file);
  const db = await PGlite.create();
  try {
    return writeWhole(file, new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await db.close();
  }
}

/** Writes aside, then renames: the file appears whole or not at all. */
function writeWhole(file: string, bytes: Uint8Array): Uint8Array {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return bytes;
}

/** Whether a PGlite data directory (undefined: in memory) has no database yet, so a snapshot can be loaded into it. */
export function isFreshDataDir(dataDir: string | undefined): boolean {
  return dataDir === undefined || !existsSync(path.join(dataDir, 'PG_VERSION'));
}

/** The kit's raw SQL over a PGlite client (its own or one in a thread). */
export function pgliteSqlClient(db: Pick<PGlite, 'exec' | 'query' | 'transaction'>): SqlClient {
  const executor = (client: Pick<PGlite, 'exec' | 'query'>): SqlExecutor => ({
    exec: async (sql) => void (await client.exec(sql)),
    query: async <Row>(sql: string, params?: unknown[]) => (await client.query<Row>(sql, params)).rows,
  });
  return { ...executor(db), transaction: (work) => db.transaction((tx) => work(executor(tx))) };
}
