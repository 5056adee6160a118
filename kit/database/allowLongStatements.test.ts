import type { SqlDriverAdapter, Transaction } from '@prisma/driver-adapter-utils';
import { isDatabaseUnavailable } from '../errors/databaseUnavailable';
import { describeEachDatabase, testDatabaseKinds, type TestDatabase, type TestDatabaseKind } from '../testing';
import { allowLongStatements } from './allowLongStatements';
import { openDatabase, type Database } from './openDatabase';
import { statementLimitOf } from './statementLimitClient';

/** The request limit of these tests; the pool's answer timeout is 2 s more. */
const REQUEST_LIMIT_MS = 300;

/** Prisma's $executeRawUnsafe and $queryRawUnsafe on a transaction are these adapter calls. */
const statements = (tx: Transaction) => ({
  $executeRawUnsafe: (sql: string) => tx.executeRaw({ sql, args: [], argTypes: [] }),
  query: async (sql: string) => (await tx.queryRaw({ sql, args: [], argTypes: [] })).rows,
});

/**
 * Runs `work` in a transaction as Prisma runs one on the adapter: COMMIT or ROLLBACK sent as
 * a statement, unless the adapter ends transactions itself (PGlite's "phantom" queries).
 */
async function inTransaction<T>(adapter: SqlDriverAdapter, work: (tx: ReturnType<typeof statements>) => Promise<T>): Promise<T> {
  const tx = await adapter.startTransaction();
  const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
    if (!tx.options.usePhantomQuery) await tx.executeRaw({ sql, args: [], argTypes: [] });
  };
  try {
    const result = await work(statements(tx));
    await end('COMMIT');
    await tx.commit();
    return result;
  } catch (error) {
    await end('ROLLBACK').catch(() => undefined);
    await tx.rollback();
    throw error;
  }
}

const sleep = (seconds: number) => `SELECT pg_sleep(${seconds})::text AS slept`;

function openOn(kind: TestDatabaseKind) {
  let testDatabase: TestDatabase;
  let database: Database;
  let adapter: SqlDriverAdapter;
  beforeAll(async () => {
    testDatabase = await kind.create();
    // One connection: the request after a long write runs on the very connection the write used.
    database = await openDatabase(testDatabase.url, { statementTimeoutMs: REQUEST_LIMIT_MS, poolSize: 1 });
    adapter = await database.adapter.connect();
  });
  afterAll(async () => {
    await adapter?.dispose();
    await database?.close();
    await testDatabase?.drop();
  });
  return { adapter: () => adapter, database: () => database };
}

describeEachDatabase('a long write (allowLongStatements)', (kind) => {
  const opened = openOn(kind);

  it('raises the statement limit for its own transaction only', async () => {
    const inside = await inTransaction(opened.adapter(), async (tx) => {
      await allowLongStatements(tx, 90_000);
      return tx.query('SHOW statement_timeout');
    });
    expect(inside).toEqual([['90s']]);
    const after = await opened.database().reads.query<{ statement_timeout: string }>({ text: 'SHOW statement_timeout', values: [] });
    // PGlite starts with no limit and enforces none; PostgreSQL connections start at the request limit.
    expect(after[0].statement_timeout).toBe(kind.name === 'PostgreSQL' ? `${REQUEST_LIMIT_MS}ms` : '0');
  });

  it('refuses a limit that is not a whole number of milliseconds', async () => {
    await expect(inTransaction(opened.adapter(), (tx) => allowLongStatements(tx, 1.5))).rejects.toThrow(RangeError);
  });
});

const postgres = testDatabaseKinds().find((kind) => kind.name === 'PostgreSQL')!;
if (postgres.skipReason) console.warn(`long writes past the request limit: ${postgres.skipReason}`);
const describeOnPostgres = postgres.skipReason ? describe.skip : describe;

// PGlite enforces no statement timeout, so only PostgreSQL has a request limit to get past.
describeOnPostgres(`long writes past the request limit on PostgreSQL${postgres.skipReason ? ` (skipped: ${postgres.skipReason})` : ''}`, () => {
  const opened = openOn(postgres);

  it('cancels a request statement past the limit, as a database that is unavailable (57014)', async () => {
    const failure = await opened.adapter().queryRaw({ sql: sleep(1), args: [], argTypes: [] }).catch((error) => error);
    expect(failure.cause).toMatchObject({ originalCode: '57014' });
    expect(isDatabaseUnavailable(failure)).toBe(true);
    const read = await opened.database().reads.query({ text: sleep(1), values: [] }).catch((error) => error);
    expect(read.cause).toMatchObject({ code: '57014' });
  });

  it('lets a statement in a long write run past both the server limit and the pool answer timeout', async () => {
    // 2.6 s: past the request limit (0.3 s) and past the pool's answer timeout (2.3 s).
    const rows = await inTransaction(opened.adapter(), async (tx) => {
      await allowLongStatements(tx, 10_000);
      return tx.query(sleep(2.6));
    });
    expect(rows).toEqual([['']]);
  });

  it('puts the connection back at the request limits after a long write, committed or rolled back', async () => {
    await inTransaction(opened.adapter(), (tx) => allowLongStatements(tx, 10_000));
    const afterCommit = await opened.adapter().queryRaw({ sql: sleep(1), args: [], argTypes: [] }).catch((error) => error);
    expect(afterCommit.cause).toMatchObject({ originalCode: '57014' });
    await inTransaction(opened.adapter(), async (tx) => {
      await allowLongStatements(tx, 10_000);
      throw new Error('the write failed');
    }).catch(() => undefined);
    // The server's limit lifted for this connection alone, as a server that hangs would
    // behave: only the pool's answer timeout (2.3 s) can end the wait now. (pg drops the
    // connection after this, so it leaves nothing behind.)
    const hung = await opened.database().sql.exec(`SET statement_timeout = 0; ${sleep(2.6)}`).catch((error) => error);
    expect(hung).toBeInstanceOf(Error);
    expect(hung.message).toMatch(/Query read timeout/);
  });
});

describe('statementLimitOf (what the kit reads a limit from)', () => {
  it('reads SET LOCAL statement_timeout in the forms PostgreSQL takes', () => {
    expect(statementLimitOf('SET LOCAL statement_timeout = 300000')).toBe(300_000);
    expect(statementLimitOf("set local statement_timeout to '5min'")).toBe(300_000);
    expect(statementLimitOf("SET LOCAL statement_timeout = '2s';")).toBe(2_000);
    expect(statementLimitOf('SET LOCAL statement_timeout = 0')).toBe(0);
  });

  it('ignores anything else, a session-wide SET included (it would outlive the transaction)', () => {
    expect(statementLimitOf('SET statement_timeout = 300000')).toBeUndefined();
    expect(statementLimitOf('SET LOCAL lock_timeout = 300000')).toBeUndefined();
    expect(statementLimitOf('SELECT 1')).toBeUndefined();
  });
});
