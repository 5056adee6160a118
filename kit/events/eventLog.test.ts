import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from '../database/openDatabase';
import { describeEachDatabase, type TestDatabase } from '../testing/testDatabases';
import { EVENT_LOG_LOCK, pruneEvents, readEvents, recordEvents, recordEventsFrom } from './eventLog';
import { listenForEvents } from './eventSignals';
import { EventCursorError, EventsExpiredError } from './eventTypes';

const EVENT_LOG_SQL = readFileSync(path.resolve(__dirname, '../../prisma/catalog/migrations/20261208010000_event_log/migration.sql'), 'utf8');

describeEachDatabase('kit/events event log', (kind) => {
  let testDatabase: TestDatabase;
  let database: Database;

  beforeEach(async () => {
    testDatabase = await kind.create();
    database = await openDatabase(testDatabase.url);
    await database.sql.exec(EVENT_LOG_SQL);
  });
  afterEach(async () => {
    await database.close();
    await testDatabase.drop();
  });

  it('records events in the writer transaction, in order, and a rolled-back write records nothing', async () => {
    await database.sql.transaction((tx) =>
      recordEvents(tx, 'catalog', [
        { ref: 'component:default/a', change: 'CREATED', fields: [], entity: { ref: 'component:default/a' } },
        { ref: 'component:default/b', change: 'UPDATED', fields: ['spec.owner'] },
      ]),
    );
    await expect(
      database.sql.transaction(async (tx) => {
        await recordEvents(tx, 'catalog', [{ ref: 'component:default/c', change: 'CREATED' }]);
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    await database.sql.transaction((tx) => recordEvents(tx, 'catalog', [{ ref: 'component:default/d', change: 'DELETED' }]));

    const page = await readEvents(database.reads, 'catalog', { after: 0, limit: 10 });
    expect(page.events.map((event) => [event.position, event.ref, event.change, event.fields])).toEqual([
      [1, 'component:default/a', 'CREATED', []],
      [2, 'component:default/b', 'UPDATED', ['spec.owner']],
      [3, 'component:default/d', 'DELETED', []],
    ]);
    expect(page.events[0].entity).toEqual({ ref: 'component:default/a' });
    expect(page.events[1].entity).toBeNull();
    expect(page.head).toBe(3);
    expect(Date.parse(page.events[0].recordedAt)).not.toBeNaN();
    expect((await readEvents(database.reads, 'catalog', { after: 2, limit: 10 })).events.map((event) => event.position)).toEqual([3]);
    expect(await readEvents(database.reads, 'catalog', { after: -1, limit: 1 })).toEqual({ events: [], head: 3 });
  });

  it('refuses bad positions and limits', async () => {
    await expect(readEvents(database.reads, 'catalog', { after: -2, limit: 10 })).rejects.toThrow(EventCursorError);
    await expect(readEvents(database.reads, 'catalog', { after: 0, limit: 1_001 })).rejects.toThrow(EventCursorError);
    await expect(readEvents(database.reads, 'catalog', { after: 0, limit: 0 })).rejects.toThrow(EventCursorError);
    // A position past the head is not from this log: an error, never a silent wait.
    await expect(readEvents(database.reads, 'catalog', { after: 5, limit: 10 })).rejects.toThrow(/past its newest event/);
  });

  it('prunes old events but the newest, so positions go on, and a position before the oldest kept has expired', async () => {
    for (const ref of ['a', 'b', 'c']) await database.sql.transaction((tx) => recordEvents(tx, 'catalog', [{ ref: `component:default/${ref}`, change: 'CREATED' }]));
    // Everything is older than a minute from now: all but the newest go.
    expect(await pruneEvents(database.sql, new Date(Date.now() + 60_000))).toBe(2);
    await database.sql.transaction((tx) => recordEvents(tx, 'catalog', [{ ref: 'component:default/d', change: 'CREATED' }]));
    expect((await readEvents(database.reads, 'catalog', { after: 2, limit: 10 })).events.map((event) => event.position)).toEqual([3, 4]);
    const expired = readEvents(database.reads, 'catalog', { after: 1, limit: 10 });
    await expect(expired).rejects.toThrow(EventsExpiredError);
    await expect(expired).rejects.toThrow(/resume from position 1 of "catalog" expired/);
  });

  if (kind.name === 'PostgreSQL') {
    it('notifies LISTENers in other connections when the writing transaction commits', async () => {
      const received: string[] = [];
      let notified!: () => void;
      const arrived = new Promise<void>((resolve) => (notified = resolve));
      const listening = await listenForEvents(testDatabase.url, (source) => {
        received.push(source);
        notified();
      });
      try {
        await database.sql.transaction((tx) => recordEvents(tx, 'cicd', [{ ref: 'component:default/a', change: 'PIPELINE_FAILED' }]));
        await arrived;
        expect(received).toEqual(['cicd']);
      } finally {
        await listening.close();
      }
    });

    it('records what a query selects, under the same lock and notification', async () => {
      await database.sql.exec(`CREATE TABLE gone (ref text)`);
      await database.sql.exec(`INSERT INTO gone VALUES ('component:default/x'), ('component:default/y')`);
      const count = await database.sql.transaction((tx) =>
        recordEventsFrom(tx, 'catalog', `SELECT ref, 'DELETED' AS change, '[]'::jsonb AS fields, NULL::jsonb AS entity FROM gone WHERE ref <> $1 ORDER BY ref`, 'none'),
      );
      expect(count).toBe(2);
      const page = await readEvents(database.reads, 'catalog', { after: 0, limit: 10 });
      expect(page.events.map((event) => [event.position, event.ref, event.change])).toEqual([
        [1, 'component:default/x', 'DELETED'],
        [2, 'component:default/y', 'DELETED'],
      ]);
    });

    it('gives positions in commit order: a reader never sees a later position before an earlier one', async () => {
      // Transaction A records and stays open; B's record must wait for A's commit.
      let commitA!: () => void;
      const aOpen = new Promise<void>((resolve) => (commitA = resolve));
      let aRecorded!: () => void;
      const aHasRecorded = new Promise<void>((resolve) => (aRecorded = resolve));
      const a = database.sql.transaction(async (tx) => {
        await recordEvents(tx, 'catalog', [{ ref: 'component:default/a', change: 'CREATED' }]);
        aRecorded();
        await aOpen;
      });
      await aHasRecorded;
      let bDone = false;
      const b = database.sql
        .transaction((tx) => recordEvents(tx, 'catalog', [{ ref: 'component:default/b', change: 'CREATED' }]))
        .then(() => (bDone = true));
      // B queues on the advisory lock (bounded wait for it to get there): nothing is visible yet.
      let waiting = 0;
      for (let attempt = 0; attempt < 200 && waiting === 0; attempt++) {
        [{ waiting }] = await database.sql.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1`,
          [EVENT_LOG_LOCK],
        );
        if (waiting === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(waiting).toBe(1);
      expect((await readEvents(database.reads, 'catalog', { after: 0, limit: 10 })).events).toEqual([]);
      expect(bDone).toBe(false);
      commitA();
      await a;
      await b;
      const page = await readEvents(database.reads, 'catalog', { after: 0, limit: 10 });
      expect(page.events.map((event) => [event.position, event.ref])).toEqual([
        [1, 'component:default/a'],
        [2, 'component:default/b'],
      ]);
    });
  }
});
