import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { Pool, types as pgTypes, type QueryConfig } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { countingAdapter } from './countingAdapter';
import type { DatabaseLoad } from '../observability/metrics';
import { traceDatabase } from '../observability/traceDatabase';
import { tracingEnabled } from '../observability/tracing';
import { wrapStatements } from './wrapStatements';
import { parseDatabaseUrl } from './databaseUrl';
import { PgliteThread, type PgliteRuntime } from './pgliteThread';
import { isFreshDataDir, pgliteSqlClient, premigratedSnapshot, type PgliteSnapshotOptions } from './pgliteSnapshot';
import { preparedPglite } from './preparedPglite';
import type { SqlClient, SqlExecutor, SqlReads } from './sqlClient';
import { ANSWER_GRACE_MS, NO_ANSWER_LIMIT_MS, StatementLimitClient } from './statementLimitClient';

export interface DatabaseOptions {
  /** Give up connecting after this long: `pg` waits forever by default. Default 3 s. */
  connectTimeoutMs?: number;
  /**
   * PostgreSQL aborts any statement running longer than this, and the client gives up
   * on an answer 2 s later (a server that hangs cannot cancel anything itself). Default
   * 8 s: under the gateway's 10 s subgraph timeout, so a stuck database shows up as
   * DB_UNAVAILABLE from the subgraph rather than a bare timeout at the gateway. A long
   * write lifts both for its own transaction (allowLongStatements). PGlite enforces it
   * only in a thread of its own with a data directory (`npm start`'s catalog), by stopping
   * the thread and reopening the database; inline, in memory or in a shared
   * `pgliteRuntime` (`npm start`'s plugins), a statement runs to its end.
   */
  statementTimeoutMs?: number;
  /** Connections in the pool (PostgreSQL only; PGlite is one connection). */
  poolSize?: number;
  /** Called with every statement Prisma sends (tests count database round trips with it). */
  onQuery?: (sql: string) => void;
  /**
   * Where embedded PGlite runs: `'inline'` (default), the calling thread (no message
   * passing, least memory; a slow statement stops the whole process); `'thread'`, a worker
   * thread of its own, so that a slow statement stalls only this database's callers, at
   * about 430 MB more per database. The all-in-one process (`npm start`), where one thread
   * serves the gateway and every subgraph, asks for threads.
   */
  pglite?: 'thread' | 'inline';
  /**
   * With `pglite: 'thread'`, the thread to run in, shared with the other databases given
   * the same runtime (one isolate instead of one each); default: a thread of its own.
   * A database given a runtime has no statement limit (see statementTimeoutMs).
   */
  pgliteRuntime?: PgliteRuntime;
  /**
   * A new embedded database loads this subgraph's pre-migrated snapshot instead of
   * running initdb and every migration (kit/database/pgliteSnapshot.ts); a data directory
   * that holds a database already is opened as it is. PostgreSQL ignores it.
   */
  pgliteSnapshot?: PgliteSnapshotOptions;
  /**
   * PGlite's shared_buffers. PostgreSQL's 128MB default is touched at start, so each
   * embedded database held ~95 MB more than at 16MB (docs/notes.md, Session 8);
   * pages past it are read from PGlite's file system, in this process's memory or the
   * kernel's page cache. Default `ENSEMBLE_PGLITE_SHARED_BUFFERS`, else 16MB.
   */
  pgliteSharedBuffers?: string;
}

/** An open database: the driver adapter Prisma runs on, raw SQL for the kit, and hot-path reads. */
export interface Database {
  kind: 'postgres' | 'pglite';
  adapter: SqlDriverAdapterFactory;
  sql: SqlClient;
  /** Subgraphs' own SQL reads on hot paths, past Prisma's client (see SqlReads); counted by `onQuery` as Prisma's are. */
  reads: SqlReads;
  /** How busy its connections are now (the /metrics database gauges). */
  load(): DatabaseLoad;
  close(): Promise<void>;
}

export async function openDatabase(url: string, options: DatabaseOptions = {}): Promise<Database> {
  const location = parseDatabaseUrl(url);
  const opened = location.kind === 'postgres' ? openPostgres(location.url, options) : await openPglite(location.dataDir, options);
  // A span per statement only when tracing is on: otherwise nothing is wrapped.
  const database = tracingEnabled() ? traceDatabase(opened) : opened;
  const { onQuery } = options;
  if (!onQuery) return database;
  return {
    ...database,
    adapter: countingAdapter(database.adapter, onQuery),
    reads: { query: (statement) => (onQuery(statement.text), database.reads.query(statement)) },
  };
}

/**
 * A driver error of a read, under a name the kit's error mapping knows as the database's
 * (isDatabaseUnavailable): a refused connection then reads as DB_UNAVAILABLE, as it does
 * through Prisma.
 */
export class DatabaseReadError extends Error {
  override readonly name = 'DatabaseReadError';
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/**
 * `timestamp` (without time zone: Prisma's DateTime columns) holds UTC; both drivers would
 * read it as the process's local time.
 */
const TIMESTAMP_OID = 1114;
const utcTimestamp = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);

const readsOf = (run: (text: string, values: unknown[]) => Promise<{ rows: any[] }>): SqlReads => ({
  query: async (statement) => {
    try {
      return (await run(statement.text, statement.values)).rows;
    } catch (error) {
      throw new DatabaseReadError(error);
    }
  },
});

function openPostgres(url: string, options: DatabaseOptions): Database {
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pool = new Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3_000,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + ANSWER_GRACE_MS,
    // Notices a server that vanished without closing the connection.
    keepAlive: true,
    // Waits as long as a transaction's own SET LOCAL statement_timeout allows, not the pool's.
    Client: StatementLimitClient,
  });
  // An idle client losing its server must not crash the process: the pool drops it and
  // the next query opens a fresh connection, so the subgraph recovers on its own.
  pool.on('error', () => undefined);
  // A connection back in the pool serves requests again, at the short limit.
  pool.on('release', (_error, client) => (client as unknown as StatementLimitClient).resetStatementLimit());
  const executor = (client: Pick<Pool, 'query'>, queryTimeoutMs?: number): SqlExecutor => ({
    exec: async (sql) => void (await client.query(queryConfig(sql, undefined, queryTimeoutMs))),
    query: async (sql, params) => (await client.query(queryConfig(sql, params, queryTimeoutMs))).rows,
  });
  return {
    kind: 'postgres',
    adapter: new PrismaPg(pool),
    reads: readsOf((text, values) => pool.query({ ...queryConfig(text, values, undefined), types: { getTypeParser: pgTypeParser } })),
    sql: {
      ...executor(pool),
      async transaction(work) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          // Transactions are the kit's maintenance work (migrations): they may run long,
          // so no client-side answer timeout; statement_timeout still applies unless the
          // work lifts it with SET LOCAL.
          const result = await work(executor(client, NO_ANSWER_LIMIT_MS));
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
    load: () => ({ pool: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } }),
    close: () => pool.end(),
  };
}

/** pg takes a per-query `query_timeout` that its type definitions leave out. */
function queryConfig(text: string, values: unknown[] | undefined, queryTimeoutMs: number | undefined): QueryConfig {
  return { text, values, ...(queryTimeoutMs ? { query_timeout: queryTimeoutMs } : {}) } as QueryConfig;
}

/** pg's own parsers, but for `timestamp`, read as UTC. */
const pgTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === TIMESTAMP_OID && format !== 'binary' ? utcTimestamp : pgTypes.getTypeParser(oid, format)) as typeof pgTypes.getTypeParser;

/** See DatabaseOptions.statementTimeoutMs. */
const DEFAULT_STATEMENT_TIMEOUT_MS = 8_000;

/** shared_buffers: a size as PostgreSQL writes it, bounded so a typo cannot ask for gigabytes. */
function sharedBuffers(given: string | undefined): string {
  const value = given ?? process.env.ENSEMBLE_PGLITE_SHARED_BUFFERS ?? '16MB';
  const match = /^(\d{1,4})MB$/.exec(value);
  if (!match || Number(match[1]) < 1 || Number(match[1]) > 1024) throw new Error(`PGlite shared_buffers must be 1MB to 1024MB, e.g. 16MB (got "${value.slice(0, 40)}")`);
  return value;
}

/**
 * PGlite enforces no statement_timeout; a thread of its own (no `pgliteRuntime`) with a
 * data directory stops a statement past `statementTimeoutMs` by reopening the database
 * (PgliteThreadOptions). A shared runtime has no limit: stopping it would stop the others.
 */
async function openPglite(dataDir: string | undefined, options: DatabaseOptions): Promise<Database> {
  const fresh = isFreshDataDir(dataDir);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const settings = {
    postgresqlconf: [`shared_buffers=${sharedBuffers(options.pgliteSharedBuffers)}`],
    loadDataDir: options.pgliteSnapshot && fresh ? await premigratedSnapshot(options.pgliteSnapshot) : undefined,
  };
  // The thread's client has PGlite's API (PGlite's own base class): the adapter and the
  // kit use only query, exec and transaction of it.
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const db =
    options.pglite === 'thread'
      ? ((await PgliteThread.open(dataDir, { ...settings, statementTimeoutMs }, options.pgliteRuntime)) as unknown as PGlite)
      : await PGlite.create({ dataDir, postgresqlconf: settings.postgresqlconf, ...(settings.loadDataDir ? { loadDataDir: new Blob([settings.loadDataDir as Uint8Array<ArrayBuffer>]) } : {}) });
  const prepared = preparedPglite(db);
  // One connection answers statements in turn: those sent and not yet answered are its queue.
  let queued = 0;
  const counted = async <T>(run: () => Promise<T>) => {
    queued++;
    try {
      return await run();
    } finally {
      queued--;
    }
  };
  return {
    kind: 'pglite',
    // Prisma's statements and the reads through named prepared statements: parsed and planned once.
    adapter: wrapStatements(new PrismaPGlite(prepared), (_sql, run) => counted(run)),
    reads: readsOf((text, values) => counted(() => prepared.query(text, values, { parsers: { [TIMESTAMP_OID]: utcTimestamp } }))),
    load: () => ({ queueDepth: queued }),
    sql: pgliteSqlClient(db),
    // PGlite flushes its files on close: skipping it can leave a half-written data directory.
    close: () => db.close(),
  };
}
