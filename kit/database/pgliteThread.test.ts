import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { messages, PGlite } from '@electric-sql/pglite';
import { PgliteRuntime, PgliteThread, PgliteThreadError } from './pgliteThread';
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
