import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { messages, PGlite } from '@electric-sql/pglite';
import { PgliteRuntime, PgliteStatementTimeoutError, PgliteThread, PgliteThreadError, statementLimitIn } from './pgliteThread';
import { isDatabaseUnavailable } from '../errors/databaseUnavailable';
import { preparedPglite } from './preparedPglite';

const SETUP = `CREATE TABLE items (id text PRIMARY KEY, tags text[], doc jsonb, at timestamp(3), n int);
  INSERT INTO items VALUES ('a', '{x,y}', '{"k":1}', '2026-01-02T03:04:05.678Z', 1), ('b', '{}', NULL, NULL, 2)`;

describe('PgliteThread', () => {
  let thread: PgliteThread;
  let inline: PGlite;
  beforeAll(async () => {
    [thread, inline] = await Promise.all([PgliteThread.open(undefined), PGlite.create()]);
    await Promise.all([thread.exec(SETUP), inline.exec(SETUP)]);
  });
  afterAll(async () => {
    await thread?.close();
    await inline?.close();
  });

  it('answers queries, prepared queries and transactions as PGlite in the same thread does', async () => {
    const sql = `SELECT id, tags, doc, at, n FROM items WHERE id = ANY($1::text[]) ORDER BY id`;
    const prepared = preparedPglite(thread);
    for (const rowMode of ['array', 'object'] as const) {
      const expected = await inline.query(sql, [['a', 'b']], { rowMode });
      expect((await thread.query(sql, [['a', 'b']], { rowMode })).rows).toEqual(expected.rows);
      expect((await prepared.query(sql, [['a', 'b']], { rowMode })).rows).toEqual(expected.rows);
    }
    const committed = await thread.transaction(async (tx) => {
      await tx.query(`INSERT INTO items (id, n) VALUES ($1, $2)`, ['c', 3]);
      return (await tx.query<{ n: number }>(`SELECT n FROM items WHERE id = 'c'`)).rows;
    });
    expect(committed).toEqual([{ n: 3 }]);
    await expect(
      thread.transaction(async (tx) => {
        await tx.query(`INSERT INTO items (id, n) VALUES ('d', 4)`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await thread.query(`SELECT id FROM items WHERE id IN ('c', 'd') ORDER BY id`)).rows).toEqual([{ id: 'c' }]);
  });

  it('throws PostgreSQL errors as PGlite DatabaseErrors, and keeps serving after them', async () => {
    const error = await thread.query('SELECT * FROM missing_table').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect((error as messages.DatabaseError).code).toBe('42P01');
    await expect(thread.exec('SELEC 1')).rejects.toBeInstanceOf(messages.DatabaseError);
    expect((await thread.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('runs a slow statement without blocking the calling thread', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      await thread.query('SELECT pg_sleep(0.5)');
    } finally {
      clearInterval(timer);
    }
    // In the same thread, no timer could fire until the statement ended.
    expect(ticks).toBeGreaterThan(0);
  });

  it('refuses blobs and LISTEN rather than dropping them', async () => {
    await expect(thread.query('SELECT 1', [], { blob: new Blob(['x']) })).rejects.toBeInstanceOf(PgliteThreadError);
    await expect(thread.listen()).rejects.toBeInstanceOf(PgliteThreadError);
  });
});

describe('PgliteThread.close', () => {
  it('keeps the data of a data directory across a close and a new open', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pglite-thread-'));
    try {
      const first = await PgliteThread.open(dataDir);
      await first.exec(`CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)`);
      await first.close();
      const second = await PgliteThread.open(dataDir);
      expect((await second.query('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stops a thread whose statement runs past the close timeout, and fails that statement and later calls', async () => {
    const db = await PgliteThread.open(undefined);
    const slow = db.query('SELECT pg_sleep(30)').catch((caught: unknown) => caught);
    await db.close(200);
    expect(await slow).toBeInstanceOf(PgliteThreadError);
    await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(PgliteThreadError);
  });
});

// PGlite takes statement_timeout and never enforces it: the thread does, by stopping a
// statement's thread past the limit and opening the database again.
describe('PgliteThread statement limit', () => {
  const LIMIT_MS = 1_000;
  let dataDir: string;
  let db: PgliteThread;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pglite-limit-'));
    db = await PgliteThread.open(dataDir, { statementTimeoutMs: LIMIT_MS });
    await db.exec(`CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)`);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails a runaway statement with a statement-timeout error; the others proceed, committed data kept', async () => {
    const runaway = await db.query('SELECT pg_sleep(600)').catch((caught: unknown) => caught);
    expect(runaway).toBeInstanceOf(PgliteStatementTimeoutError);
    expect((runaway as PgliteStatementTimeoutError).code).toBe('57014');
    expect((runaway as Error).message).toMatch(/statement timeout: it ran past 1000 ms/);
    // The kit answers it as it answers PostgreSQL's own 57014: DB_UNAVAILABLE.
    expect(isDatabaseUnavailable(runaway)).toBe(true);
    expect((await db.query('SELECT n FROM kept')).rows).toEqual([{ n: 1 }]);
    // What the runaway's transaction wrote is gone, as after PostgreSQL's cancel.
    const inTransaction = await db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO kept VALUES (2)');
        await tx.query('SELECT pg_sleep(600)');
      })
      .catch((caught: unknown) => caught);
    expect(inTransaction).toBeInstanceOf(PgliteStatementTimeoutError);
    expect((await db.query('SELECT n FROM kept ORDER BY n')).rows).toEqual([{ n: 1 }]);
  }, 120_000);

  it('lets a transaction lift the limit with SET LOCAL, until it ends', async () => {
    const lifted = await db.transaction(async (tx) => {
      await tx.query('SET LOCAL statement_timeout = 0');
      await tx.query(`SELECT pg_sleep(${(1.5 * LIMIT_MS) / 1000})`);
      return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM kept')).rows;
    });
    expect(lifted).toEqual([{ n: 1 }]);
    await expect(db.query(`SELECT pg_sleep(${(1.5 * LIMIT_MS) / 1000})`)).rejects.toBeInstanceOf(PgliteStatementTimeoutError);
  }, 120_000);

  it('takes the lift only from a statement of its own, never from text inside another or a parameter', () => {
    const encoder = new TextEncoder();
    /** A frontend message: type, length, body. */
    const frame = (type: string, ...parts: (string | Uint8Array)[]) => {
      const body = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(encoder.encode(part)) : Buffer.from(part))));
      const head = Buffer.alloc(5);
      head.write(type, 0, 'latin1');
      head.writeInt32BE(body.length + 4, 1);
      return Buffer.concat([head, body]);
    };
    const query = (sql: string) => frame('Q', sql, '\0');
    const parse = (sql: string) => frame('P', 's1\0', sql, '\0', Buffer.from([0, 0]));
    expect(statementLimitIn(query('SET LOCAL statement_timeout = 300000'))).toBe(300_000);
    expect(statementLimitIn(Buffer.concat([parse("SET LOCAL statement_timeout TO '5s'"), frame('S')]))).toBe(5_000);
    expect(statementLimitIn(query('SET LOCAL statement_timeout = 0'))).toBe(0);
    expect(statementLimitIn(query("INSERT INTO t VALUES ('SET LOCAL statement_timeout = 0')"))).toBeUndefined();
    expect(statementLimitIn(Buffer.concat([parse('INSERT INTO t VALUES ($1)'), frame('B', '\0s1\0', 'SET LOCAL statement_timeout = 0')]))).toBeUndefined();
    expect(statementLimitIn(query('SELECT 1'))).toBeUndefined();
  });

  it('has no limit in memory, where there is nothing to reopen', async () => {
    const memory = await PgliteThread.open(undefined, { statementTimeoutMs: 200 });
    try {
      expect((await memory.query<{ done: string }>(`SELECT pg_sleep(0.5)::text AS done`)).rows).toEqual([{ done: '' }]);
    } finally {
      await memory.close();
    }
  }, 60_000);

  it('reopens a database started from a snapshot as the directory it has become, not from the snapshot again', async () => {
    const source = await PGlite.create();
    await source.exec(`CREATE TABLE seeded (n int)`);
    const snapshot = new Uint8Array(await (await source.dumpDataDir('none')).arrayBuffer());
    await source.close();
    const dir = mkdtempSync(path.join(tmpdir(), 'pglite-limit-snapshot-'));
    const loaded = await PgliteThread.open(dir, { statementTimeoutMs: LIMIT_MS, loadDataDir: snapshot });
    try {
      await loaded.exec(`INSERT INTO seeded VALUES (7)`);
      await expect(loaded.query('SELECT pg_sleep(600)')).rejects.toBeInstanceOf(PgliteStatementTimeoutError);
      expect((await loaded.query('SELECT n FROM seeded')).rows).toEqual([{ n: 7 }]);
    } finally {
      await loaded.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('has no limit in a runtime shared by several databases, where stopping the thread would stop the others', async () => {
    const dirs = [mkdtempSync(path.join(tmpdir(), 'pglite-shared-')), mkdtempSync(path.join(tmpdir(), 'pglite-shared-'))];
    const runtime = new PgliteRuntime();
    const [a, b] = await Promise.all(dirs.map((dir) => PgliteThread.open(dir, { statementTimeoutMs: LIMIT_MS }, runtime)));
    try {
      await b.exec(`BEGIN; CREATE TABLE open_tx (n int)`);
      const slept = await a.query<{ done: string }>(`SELECT pg_sleep(${(1.5 * LIMIT_MS) / 1000})::text AS done`);
      expect(slept.rows).toEqual([{ done: '' }]);
      // The other database's transaction is still open in the same thread.
      await b.exec(`INSERT INTO open_tx VALUES (1); COMMIT`);
      expect((await b.query('SELECT n FROM open_tx')).rows).toEqual([{ n: 1 }]);
    } finally {
      await Promise.all([a.close(), b.close()]);
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a PgliteRuntime shared by several databases', () => {
  it('keeps each database its own, serves one after the other closes, and stops with the last', async () => {
    const runtime = new PgliteRuntime();
    const [a, b] = await Promise.all([PgliteThread.open(undefined, {}, runtime), PgliteThread.open(undefined, {}, runtime)]);
    await a.exec(`CREATE TABLE mine (n int); INSERT INTO mine VALUES (1)`);
    await expect(b.query('SELECT n FROM mine')).rejects.toBeInstanceOf(messages.DatabaseError);
    await b.exec(`CREATE TABLE mine (n int); INSERT INTO mine VALUES (2)`);
    expect((await a.query('SELECT n FROM mine')).rows).toEqual([{ n: 1 }]);
    await a.close();
    expect((await b.query('SELECT n FROM mine')).rows).toEqual([{ n: 2 }]);
    await b.close();
    await expect(b.query('SELECT 1')).rejects.toBeInstanceOf(PgliteThreadError);
    // The thread stopped with its last database: a new one in this runtime cannot open.
    await expect(PgliteThread.open(undefined, {}, runtime)).rejects.toBeInstanceOf(PgliteThreadError);
  });

  it('runs a slow statement of one database off the calling thread', async () => {
    const runtime = new PgliteRuntime();
    const [a, b] = await Promise.all([PgliteThread.open(undefined, {}, runtime), PgliteThread.open(undefined, {}, runtime)]);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      await Promise.all([a.query('SELECT pg_sleep(0.5)'), b.query('SELECT 1')]);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
    await Promise.all([a.close(), b.close()]);
  });
});
