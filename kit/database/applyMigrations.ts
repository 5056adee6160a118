import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlClient } from './sqlClient';

/**
 * Applies the SQL migrations in Prisma's layout (`<dir>/<timestamp>_<name>/migration.sql`)
 * that the database has not seen, recording them in `_prisma_migrations` with Prisma's own
 * columns and checksum, so `prisma migrate status` reads the same history where the
 * native engine exists. Prisma's CLI cannot migrate offline; this runner can.
 */
export async function applyMigrations(sql: SqlClient, migrationsDir: string): Promise<string[]> {
  const migrations = readMigrations(migrationsDir);
  return sql.transaction(async (tx) => {
    // Replicas starting together must not apply the same migration twice.
    // A migration may rewrite a big table: the pool's statement_timeout guards requests, not this.
    await tx.exec('SET LOCAL statement_timeout = 0');
    await tx.query('SELECT pg_advisory_xact_lock(7301551)');
    await tx.exec(CREATE_HISTORY_TABLE);
    const applied = new Map(
      (await tx.query<{ migration_name: string; checksum: string }>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
      )).map((row) => [row.migration_name, row.checksum]),
    );
    const appliedNow: string[] = [];
    for (const migration of migrations) {
      const known = applied.get(migration.name);
      if (known !== undefined) {
        if (known !== migration.checksum) {
          throw new Error(`Migration ${migration.name} in ${migrationsDir} was edited after it was applied; add a new migration instead`);
        }
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      appliedNow.push(migration.name);
    }
    return appliedNow;
  });
}

interface Migration { name: string; sql: string; checksum: string }

/** One checksum over every migration in the folder (names and contents): what a pre-migrated snapshot is keyed by. */
export function migrationsChecksum(migrationsDir: string): string {
  const hash = createHash('sha256');
  for (const migration of readMigrations(migrationsDir)) hash.update(`${migration.name}\n${migration.checksum}\n`);
  return hash.digest('hex');
}

function readMigrations(migrationsDir: string): Migration[] {
  if (!existsSync(migrationsDir)) throw new Error(`No migrations folder at ${migrationsDir}`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

// Prisma's own definition of its history table.
const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
