import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { isDatabaseUnavailable } from '../errors/databaseUnavailable';
import { describeEachDatabase, type TestDatabase } from '../testing';
import { openDatabase, type Database } from './openDatabase';

describeEachDatabase('reads past Prisma (Database.reads)', (kind) => {
  let testDatabase: TestDatabase;
  let database: Database;
  const counted: string[] = [];

  beforeAll(async () => {
    testDatabase = await kind.create();
    database = await openDatabase(testDatabase.url, { onQuery: (sql) => counted.push(sql) });
    await database.sql.exec(`CREATE TABLE things (id int PRIMARY KEY, at timestamp(3) NOT NULL, doc jsonb NOT NULL, tags text[] NOT NULL)`);
    await database.sql.exec(`INSERT INTO things VALUES (1, '2026-01-01 00:00:00.250', '{"a": {"b": [1, 2]}}', ARRAY['x', 'y'])`);
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  it('reads parameterised statements with the types Prisma would give', async () => {
    const rows = await database.reads.query<{ id: number; doc: unknown; tags: string[] }>({
      text: 'SELECT id, doc, tags FROM things WHERE id = ANY($1::int[])',
      values: [[1, 2]],
    });
    expect(rows).toEqual([{ id: 1, doc: { a: { b: [1, 2] } }, tags: ['x', 'y'] }]);
  });

  it('reads a timestamp without time zone as UTC, whatever the process time zone', () => {
    // The zone is fixed when a process starts: the read runs in one that starts in Tokyo.
    const script = `
      const { openDatabase } = require(${JSON.stringify(path.join(__dirname, 'openDatabase'))});
      openDatabase(${JSON.stringify(testDatabase.url)}).then(async (db) => {
        const [row] = await db.reads.query({ text: "SELECT '2026-01-01 00:00:00.250'::timestamp(3) AS at", values: [] });
        console.log(row.at.toISOString());
        await db.close();
      });`;
    const printed = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, TZ: 'Asia/Tokyo' }, encoding: 'utf8' });
    expect(printed.trim()).toBe('2026-01-01T00:00:00.250Z');
  });

  it('counts every read for onQuery, as Prisma statements are counted', async () => {
    counted.length = 0;
    await database.reads.query({ text: 'SELECT 1 AS one', values: [] });
    expect(counted).toEqual(['SELECT 1 AS one']);
  });

  it('fails a wrong statement with the database message, not as unavailable', async () => {
    const failure = await database.reads.query({ text: 'SELECT nope FROM things', values: [] }).catch((error) => error);
    expect(failure.message).toMatch(/nope/);
    expect(isDatabaseUnavailable(failure)).toBe(false);
  });
});

describe('reads on a PostgreSQL server that cannot be reached', () => {
  it('fail as the database being unavailable (DB_UNAVAILABLE)', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const database = await openDatabase('postgresql://postgres@127.0.0.1:1/none', { connectTimeoutMs: 1_000 });
    try {
      const failure = await database.reads.query({ text: 'SELECT 1', values: [] }).catch((error) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(failure)).toBe(true);
    } finally {
      await database.close();
    }
  });
});
