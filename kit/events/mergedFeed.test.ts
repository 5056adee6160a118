import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from '../database/openDatabase';
import { listen, type ListeningServer } from '../server/httpServer';
import { requireGatewaySignature } from '../security/requireGatewaySignature';
import { TEST_SUBGRAPH_SECRET } from '../testing/testSecret';
import { recordEvents } from './eventLog';
import { announceEvents } from './eventSignals';
import { eventsInDatabase, eventsOverHttp, type EventSource } from './eventSources';
import { EVENTS_PATH, eventsRoute } from './eventsRoute';
import { EventCursorError, EventsExpiredError, type FeedEvent } from './eventTypes';
import { decodeFeedCursor, encodeFeedCursor } from './feedCursor';
import { createMergedFeed, type MergedEvent } from './mergedFeed';

/** A source over a list of events, that can be taken down; it answers as readEvents does. */
function listSource(name: string, times: string[]) {
  const events: FeedEvent[] = times.map((recordedAt, index) => ({
    position: index + 1,
    ref: `component:default/${name}-${index + 1}`,
    change: 'UPDATED',
    fields: [],
    entity: null,
    recordedAt,
  }));
  const source = {
    name,
    down: false,
    events,
    async read(after: number, limit: number) {
      if (source.down) throw new Error('connection refused');
      const head = events.at(-1)?.position ?? 0;
      if (after === -1) return { events: [], head };
      return { events: events.filter((event) => event.position > after).slice(0, limit), head };
    },
  };
  return source;
}

const at = (second: number) => new Date(Date.UTC(2026, 11, 8, 0, 0, second)).toISOString();
const labels = (events: MergedEvent[]) => events.map((event) => `${event.source}:${event.position}`);

describe('createMergedFeed', () => {
  it('merges sources by time, keeping each source order, with one cursor per event', async () => {
    const catalog = listSource('catalog', [at(1), at(3), at(5)]);
    const cicd = listSource('cicd', [at(2), at(4)]);
    const feed = createMergedFeed([catalog, cicd]);
    const page = await feed.read(null, { limit: 10 });
    expect(labels(page.events)).toEqual(['catalog:1', 'cicd:1', 'catalog:2', 'cicd:2', 'catalog:3']);
    expect(decodeFeedCursor(page.events[2].cursor)).toEqual({ catalog: 2, cicd: 1 });
    expect(page.cursor).toBe(page.events.at(-1)?.cursor);
    expect(page.unavailable).toEqual([]);
  });

  it('resumes from any cursor with exactly the events after it, across pages', async () => {
    const catalog = listSource('catalog', [at(1), at(3), at(5), at(7)]);
    const cicd = listSource('cicd', [at(2), at(4), at(6)]);
    const feed = createMergedFeed([catalog, cicd]);
    const all = (await feed.read(null, { limit: 100 })).events;
    for (let index = 0; index < all.length; index++) {
      const rest: MergedEvent[] = [];
      let cursor = all[index].cursor;
      // Small pages: each page's cursor carries on where it stopped.
      for (let pages = 0; pages < 10; pages++) {
        const page = await feed.read(cursor, { limit: 2 });
        rest.push(...page.events);
        cursor = page.cursor;
        if (!page.events.length) break;
      }
      expect(labels(rest)).toEqual(labels(all.slice(index + 1)));
    }
  });

  it('refuses a malformed cursor with a clear input error', async () => {
    const feed = createMergedFeed([listSource('catalog', [at(1)])]);
    for (const cursor of ['not a cursor!', Buffer.from('[1,2]').toString('base64url'), encodeFeedCursor({ catalog: 1.5 }), 'x'.repeat(5_000)]) {
      await expect(feed.read(cursor)).rejects.toThrow(EventCursorError);
    }
    await expect(feed.read(Buffer.from('{"catalog":').toString('base64url'))).rejects.toThrow(/not a change-feed cursor/);
    await expect(feed.read(null, { limit: 0 })).rejects.toThrow(EventCursorError);
  });

  it('lets a source that is down delay only its own events, which come once it is back', async () => {
    const catalog = listSource('catalog', [at(1), at(3)]);
    const cicd = listSource('cicd', [at(2)]);
    const feed = createMergedFeed([catalog, cicd]);
    cicd.down = true;
    const first = await feed.read(null, { limit: 10 });
    expect(labels(first.events)).toEqual(['catalog:1', 'catalog:2']);
    expect(first.unavailable).toEqual([{ source: 'cicd', reason: 'connection refused' }]);
    cicd.down = false;
    const second = await feed.read(first.cursor, { limit: 10 });
    expect(labels(second.events)).toEqual(['cicd:1']);
    expect(decodeFeedCursor(second.cursor)).toEqual({ catalog: 2, cicd: 1 });
  });

  it('starts at every source head, and at a down source head once it answers', async () => {
    const catalog = listSource('catalog', [at(1)]);
    const cicd = listSource('cicd', [at(2)]);
    const feed = createMergedFeed([catalog, cicd]);
    cicd.down = true;
    const start = await feed.start();
    expect(decodeFeedCursor(start)).toEqual({ catalog: 1, cicd: -1 });
    cicd.down = false;
    const resolved = await feed.read(start);
    expect(resolved.events).toEqual([]);
    cicd.events.push({ ...cicd.events[0], position: 2, recordedAt: at(9) });
    expect(labels((await feed.read(resolved.cursor)).events)).toEqual(['cicd:2']);
  });

  it('passes an expired position on as an error, whichever source says so', async () => {
    const expiring: EventSource = { name: 'cicd', read: async (after) => Promise.reject(new EventsExpiredError('cicd', after, 10)) };
    const feed = createMergedFeed([listSource('catalog', [at(1)]), expiring]);
    await expect(feed.read(encodeFeedCursor({ catalog: 0, cicd: 3 }))).rejects.toThrow(/resume from position 3 of "cicd" expired/);
  });

  it('follows: wakes on an announcement and yields only new events', async () => {
    const catalog = listSource('catalog', [at(1)]);
    const feed = createMergedFeed([catalog]);
    const stop = new AbortController();
    // A poll far longer than the test: only the wake-up can bring the second page in time.
    const pages = feed.follow(await feed.start(), { signal: stop.signal, pollMs: 600_000 });
    const next = pages.next();
    catalog.events.push({ ...catalog.events[0], position: 2, ref: 'component:default/new', recordedAt: at(2) });
    announceEvents('catalog');
    const page = await next;
    expect(page.done).toBe(false);
    expect(labels(page.value!.events)).toEqual(['catalog:2']);
    const after = pages.next();
    stop.abort();
    expect((await after).done).toBe(true);
  });
});

describe('the /events endpoint', () => {
  let database: Database;
  let server: ListeningServer;
  const log: string[] = [];

  beforeAll(async () => {
    database = await openDatabase('memory://');
    await database.sql.exec(readFileSync(path.resolve(__dirname, '../../prisma/catalog/migrations/20261208010000_event_log/migration.sql'), 'utf8'));
    await database.sql.transaction((tx) =>
      recordEvents(tx, 'cicd', [
        { ref: 'component:default/a', change: 'PIPELINE_FAILED' },
        { ref: 'component:default/b', change: 'PIPELINE_FAILED' },
      ]),
    );
    const guard = requireGatewaySignature({ secret: TEST_SUBGRAPH_SECRET, log: (line) => log.push(line) });
    server = await listen({ [EVENTS_PATH]: eventsRoute('cicd', database.reads, guard) }, { port: 0, log: (line) => log.push(line) });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('answers signed reads like the database does, and refuses unsigned ones', async () => {
    const url = `http://127.0.0.1:${server.port}/graphql`;
    const overHttp = eventsOverHttp({ name: 'cicd', url, secret: TEST_SUBGRAPH_SECRET });
    expect(await overHttp.read(0, 10)).toEqual(await eventsInDatabase('cicd', database.reads).read(0, 10));
    expect((await overHttp.read(1, 10)).events.map((event) => event.ref)).toEqual(['component:default/b']);
    await expect(eventsOverHttp({ name: 'cicd', url, secret: 'another-secret-that-is-long-enough-000' }).read(0, 10)).rejects.toThrow(/HTTP 401/);
    await expect(eventsOverHttp({ name: 'cicd', url, secret: null }).read(0, 10)).rejects.toThrow(/HTTP 401/);
    await expect(overHttp.read(0, 5_000)).rejects.toThrow(EventCursorError);
    const unsigned = await fetch(`http://127.0.0.1:${server.port}${EVENTS_PATH}`, { method: 'GET' });
    expect(unsigned.status).toBe(405);
  });
});
