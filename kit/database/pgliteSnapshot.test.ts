import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations } from './applyMigrations';
import { openDatabase, type Database } from './openDatabase';
import { pgliteVersion, premigratedSnapshot, snapshotFile } from './pgliteSnapshot';

describe('pre-migrated PGlite snapshots', () => {
  let dir: string;
  let migrationsDir: string;
  let cacheDir: string;
  const opened: Database[] = [];
  const open = async (...args: Parameters<typeof openDatabase>) => {
    const database = await openDatabase(...args);
    opened.push(database);
    return database;
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ensemble-snapshot-'));
    migrationsDir = path.join(dir, 'things', 'migrations');
    cacheDir = path.join(dir, 'cache');
    mkdirSync(path.join(migrationsDir, '20260101000000_init'), { recursive: true });
    writeFileSync(path.join(migrationsDir, '20260101000000_init', 'migration.sql'), 'CREATE TABLE "Thing" ("id" TEXT PRIMARY KEY, "n" INTEGER NOT NULL);');
  });
  afterAll(async () => {
    for (const database of opened) await database.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is built once and then read from its file', async () => {
    const file = snapshotFile({ migrationsDir, cacheDir });
    const first = await premigratedSnapshot({ migrationsDir, cacheDir });
    const written = statSync(file).mtimeMs;
    const second = await premigratedSnapshot({ migrationsDir, cacheDir });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(statSync(file).mtimeMs).toBe(written);
    // No partial file left beside it.
    expect(readdirSync(cacheDir).sort()).toEqual([path.basename(file), `pglite-${pgliteVersion()}-initdb.tar`].sort());
  });

  it.each(['inline', 'thread'] as const)('gives a new database (%s) its migrations already applied, and its own rows', async (pglite) => {
    const database = await open('memory://', { pglite, pgliteSnapshot: { migrationsDir, cacheDir } });
    expect(await applyMigrations(database.sql, migrationsDir)).toEqual([]);
    await database.sql.exec(`INSERT INTO "Thing" VALUES ('a', 1)`);
    expect(await database.sql.query('SELECT id, n FROM "Thing"')).toEqual([{ id: 'a', n: 1 }]);
    // The snapshot holds no rows: the next database starts empty.
    const next = await open('memory://', { pglite, pgliteSnapshot: { migrationsDir, cacheDir } });
    expect(await next.sql.query('SELECT id FROM "Thing"')).toEqual([]);
  });

  it('names a new file when a migration is added, and the new database has it', async () => {
    const before = snapshotFile({ migrationsDir, cacheDir });
    mkdirSync(path.join(migrationsDir, '20260102000000_more'));
    writeFileSync(path.join(migrationsDir, '20260102000000_more', 'migration.sql'), 'ALTER TABLE "Thing" ADD COLUMN "label" TEXT;');
    expect(snapshotFile({ migrationsDir, cacheDir })).not.toBe(before);
    const database = await open('memory://', { pgliteSnapshot: { migrationsDir, cacheDir } });
    expect(await applyMigrations(database.sql, migrationsDir)).toEqual([]);
    expect(await database.sql.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Thing' ORDER BY column_name`)).toEqual([
      { column_name: 'id' },
      { column_name: 'label' },
      { column_name: 'n' },
    ]);
  });

  it('leaves a data directory that holds a database as it is', async () => {
    const dataDir = path.join(dir, 'data');
    const first = await open(`file:${dataDir}`, { pgliteSnapshot: { migrationsDir, cacheDir } });
    await first.sql.exec(`INSERT INTO "Thing" (id, n) VALUES ('kept', 7)`);
    await first.close();
    const again = await open(`file:${dataDir}`, { pgliteSnapshot: { migrationsDir, cacheDir } });
    expect(await again.sql.query('SELECT id, n FROM "Thing"')).toEqual([{ id: 'kept', n: 7 }]);
  });

  it('sets shared_buffers, and refuses a size out of bounds', async () => {
    const database = await open('memory://', { pgliteSharedBuffers: '8MB' });
    expect(await database.sql.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '8MB' }]);
    for (const size of ['0MB', '2048MB', '16GB', '16', '1e3MB', 'x'.repeat(100)]) {
      await expect(openDatabase('memory://', { pgliteSharedBuffers: size })).rejects.toThrow(/shared_buffers must be 1MB to 1024MB/);
    }
  });
});
