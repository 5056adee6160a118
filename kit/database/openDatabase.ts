import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { Pool } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { countingAdapter } from './countingAdapter';
import { parseDatabaseUrl } from './databaseUrl';
import type { SqlClient, SqlExecutor } from './sqlClient';

export interface DatabaseOptions {
  /** Give up connecting after this long: `pg` waits forever by default. */
  connectTimeoutMs?: number;
  /** PostgreSQL aborts any statement running longer than this. */
  statementTimeoutMs?: number;
  /** Connections in the pool (PostgreSQL only; PGlite is one connection). */
  poolSize?: number;
  /** Called with every statement Prisma sends (tests count database round trips with it). */
  onQuery?: (sql: string) => void;
}

/** An open database: the driver adapter Prisma runs on, and raw SQL for the kit. */
export interface Database {
  kind: 'postgres' | 'pglite';
  adapter: SqlDriverAdapterFactory;
  sql: SqlClient;
  close(): Promise<void>;
}

export async function openDatabase(url: string, options: DatabaseOptions = {}): Promise<Database> {
  const location = parseDatabaseUrl(url);
  const database = location.kind === 'postgres' ? openPostgres(location.url, options) : await openPglite(location.dataDir);
  return options.onQuery ? { ...database, adapter: countingAdapter(database.adapter, options.onQuery) } : database;
}

function openPostgres(url: string, options: DatabaseOptions): Database {
  const pool = new Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const executor = (client: Pick<Pool, 'query'>): SqlExecutor => ({
    exec: async (sql) => void (await client.query(sql)),
    query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
  });
  return {
    kind: 'postgres',
    adapter: new PrismaPg(pool),
    sql: {
      ...executor(pool),
      async transaction(work) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work(executor(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const executor = (client: Pick<PGlite, 'exec' | 'query'>): SqlExecutor => ({
    exec: async (sql) => void (await client.exec(sql)),
    query: async <Row>(sql: string, params?: unknown[]) => (await client.query<Row>(sql, params)).rows,
  });
  return {
    kind: 'pglite',
    adapter: new PrismaPGlite(db),
    sql: { ...executor(db), transaction: (work) => db.transaction((tx) => work(executor(tx))) },
    // PGlite flushes its files on close: skipping it can leave a half-written data directory.
    close: () => db.close(),
  };
}
