import { PGlite, protocol } from '@electric-sql/pglite';
import { preparedPglite } from './preparedPglite';

describe('preparedPglite', () => {
  let db: PGlite;
  beforeEach(async () => {
    db = await PGlite.create();
    await db.exec(`CREATE TABLE items (id text PRIMARY KEY, tags text[], doc jsonb, at timestamp(3), n int)`);
    await db.query(`INSERT INTO items VALUES ('a', '{x,y}', '{"k":1}', '2026-01-02T03:04:05.678Z', 1), ('b', '{}', NULL, NULL, 2)`);
  });
  afterEach(() => db.close());

  const sql = `SELECT id, tags, doc, at, n FROM items WHERE id = ANY($1::text[]) ORDER BY id`;

  it('answers as PGlite does, in array and object row modes, the second call from the prepared statement', async () => {
    const prepared = preparedPglite(db);
    for (const rowMode of ['array', 'object'] as const) {
      const expected = await db.query(sql, [['a', 'b']], { rowMode });
      for (let call = 0; call < 2; call++) {
        const actual = await prepared.query(sql, [['a', 'b']], { rowMode });
        expect(actual.rows).toEqual(expected.rows);
        expect(actual.fields).toEqual(expected.fields);
      }
    }
  });

  it('reads large answers, text in any script, empty strings and nulls as PGlite does', async () => {
    // Thousands of rows: PGlite hands the answer over in several chunks.
    const big = `SELECT n, repeat(chr(n % 700 + 200), n % 50) AS text, CASE WHEN n % 3 = 0 THEN NULL ELSE '' END AS empty,
      jsonb_build_object('n', n, 'é', 'ü😀') AS doc, ARRAY['a,b', NULL, '{"x"}'] AS list FROM generate_series(1, $1::int) n`;
    const prepared = preparedPglite(db);
    for (const rowMode of ['array', 'object'] as const) {
      const expected = await db.query(big, [5000], { rowMode });
      const actual = await prepared.query(big, [5000], { rowMode });
      expect(actual.rows).toHaveLength(5000);
      expect(actual.rows).toEqual(expected.rows);
    }
  });

  it('throws the error PGlite would, also after rows were sent, and ignores notices', async () => {
    const prepared = preparedPglite(db);
    const failing = `SELECT 10 / (n - 3) AS q FROM generate_series(1, 5) n`;
    const expected = await db.query(failing).catch((error: unknown) => error);
    const actual = await prepared.query(failing).catch((error: unknown) => error);
    expect(actual).toBeInstanceOf(protocol.messages.DatabaseError);
    // Every field PostgreSQL's error carries (code, severity, routine, ...), and the message;
    // PGlite's `query` also adds the statement and its parameters (its `execProtocol` does not, nor does this).
    const { query: _query, params: _params, queryOptions: _options, ...fields } = expected as Record<string, unknown>;
    expect({ ...(actual as object) }).toEqual(fields);
    expect((actual as Error).message).toBe((expected as Error).message);
    expect((actual as { code: string }).code).toBe('22012');
    await db.exec(`CREATE FUNCTION noisy(n int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'noisy %', n; RETURN n; END $$`);
    expect((await prepared.query(`SELECT noisy(n) AS n FROM generate_series(1, 3) n`)).rows).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('serializes nulls and json parameters and counts affected rows', async () => {
    const prepared = preparedPglite(db);
    const insert = await prepared.query(`INSERT INTO items (id, doc, n) VALUES ($1, $2, $3), ($4, $5, $6)`, ['c', { deep: [1] }, null, 'd', null, 4]);
    expect(insert.affectedRows).toBe(2);
    const rows = (await prepared.query<{ id: string; doc: unknown; n: number | null }>(`SELECT id, doc, n FROM items WHERE id IN ('c', 'd') ORDER BY id`)).rows;
    expect(rows).toEqual([{ id: 'c', doc: { deep: [1] }, n: null }, { id: 'd', doc: null, n: 4 }]);
  });

  it('keeps working after a failing statement and after evicting old statements', async () => {
    const prepared = preparedPglite(db, 2);
    await expect(prepared.query(`SELECT * FROM missing_table`)).rejects.toThrow(/missing_table/);
    await expect(prepared.query(`SELECT 1 / $1::int AS q`, [0])).rejects.toThrow(/division by zero/);
    for (let i = 0; i < 5; i++) expect((await prepared.query(`SELECT ${i} AS v`)).rows).toEqual([{ v: i }]);
    expect((await prepared.query(`SELECT 1 / $1::int AS q`, [1])).rows).toEqual([{ q: 1 }]);
    const open = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM pg_prepared_statements`);
    expect(open.rows[0].count).toBeLessThanOrEqual(2);
  });

  it('prepares a statement afresh after a schema change made it invalid', async () => {
    const prepared = preparedPglite(db);
    expect((await prepared.query(`SELECT * FROM items WHERE id = 'a'`)).fields).toHaveLength(5);
    await db.exec(`ALTER TABLE items ADD COLUMN extra text`);
    // PostgreSQL refuses the old plan once; the next call prepares the statement again.
    await prepared.query(`SELECT * FROM items WHERE id = 'a'`).catch(() => undefined);
    expect((await prepared.query(`SELECT * FROM items WHERE id = 'a'`)).fields).toHaveLength(6);
  });

  it('waits for an open transaction instead of running inside it', async () => {
    const prepared = preparedPglite(db);
    let release!: () => void;
    const transaction = db.transaction(async (tx) => {
      await tx.query(`UPDATE items SET n = 10 WHERE id = 'a'`);
      await new Promise<void>((resolve) => (release = resolve));
      await tx.rollback();
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const read = prepared.query<{ n: number }>(`SELECT n FROM items WHERE id = 'a'`);
    release();
    await transaction;
    expect((await read).rows).toEqual([{ n: 1 }]);
  });
});
