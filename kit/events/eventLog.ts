import type { SqlReads } from '../database/sqlClient';
import { EventCursorError, EventsExpiredError, MAX_EVENTS_PER_READ, type EventPage, type FeedEvent, type NewEvent } from './eventTypes';

/** The channel every source notifies on; the payload is the source's name. */
export const EVENTS_CHANNEL = 'ensemble_events';

/**
 * The transaction-level advisory lock every writer of an `event_log` takes before it gives
 * positions out (each source has its own database, so one key serves all). See README.md:
 * it makes positions become visible in commit order, so a reader never skips one.
 */
export const EVENT_LOG_LOCK = 72_021_208;

/** A writer's transaction: Prisma's transaction client, or the kit's SqlExecutor. */
export type EventWriter =
  | { $executeRawUnsafe(query: string, ...values: any[]): PromiseLike<number>; $queryRawUnsafe<T = unknown>(query: string, ...values: any[]): PromiseLike<T> }
  | { query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]> };

async function run(tx: EventWriter, text: string, ...values: unknown[]): Promise<void> {
  // executeRaw: Prisma cannot read a `void` column back (pg_notify, the advisory lock).
  if ('$executeRawUnsafe' in tx) await tx.$executeRawUnsafe(text, ...values);
  else await tx.query(text, values);
}

/**
 * Appends events to the source's `event_log` inside the writer's transaction, and notifies
 * `ensemble_events` with the source's name (PostgreSQL delivers it at commit, never for a
 * rolled-back write). Call it LAST in the transaction: the lock it takes is held until
 * commit and queues every other writer of this database's events behind it. After the
 * commit, the writer calls `announceEvents(source)` for readers in its own process.
 */
export async function recordEvents(tx: EventWriter, source: string, events: readonly NewEvent[]): Promise<number> {
  if (!events.length) return 0;
  await run(tx, 'SELECT pg_advisory_xact_lock($1::bigint)', EVENT_LOG_LOCK);
  // Positions continue from the newest one: gapless, and under the lock no other writer
  // can take the same. clock_timestamp(), not now(): a long transaction's events carry
  // the time they were recorded, not the time it began.
  await run(
    tx,
    `INSERT INTO "event_log" ("position", "ref", "change", "fields", "entity", "recorded_at")
     SELECT (SELECT coalesce(max("position"), 0) FROM "event_log") + x.n, x.value->>'ref', x.value->>'change',
            coalesce(x.value->'fields', '[]'::jsonb), nullif(x.value->'entity', 'null'::jsonb), clock_timestamp()
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(value, n)`,
    JSON.stringify(events.map(({ ref, change, fields = [], entity = null }) => ({ ref, change, fields, entity }))),
  );
  await run(tx, 'SELECT pg_notify($1, $2)', EVENTS_CHANNEL, source);
  return events.length;
}

/**
 * recordEvents for events a query makes in the database (thousands of deletions, say,
 * without bringing their rows into the process): `select` yields the columns `ref`,
 * `change`, `fields` (jsonb) and `entity` (jsonb or null), with `values` as its $1, $2...
 * Same lock and notification as recordEvents; returns how many were recorded.
 */
export async function recordEventsFrom(tx: EventWriter, source: string, select: string, ...values: unknown[]): Promise<number> {
  await run(tx, 'SELECT pg_advisory_xact_lock($1::bigint)', EVENT_LOG_LOCK);
  const text = `WITH recorded AS (
      INSERT INTO "event_log" ("position", "ref", "change", "fields", "entity", "recorded_at")
      SELECT (SELECT coalesce(max("position"), 0) FROM "event_log") + row_number() OVER (), s.ref, s.change, s.fields, s.entity, clock_timestamp()
      FROM (${select}) AS s
      RETURNING 1)
    SELECT count(*)::int AS "count" FROM recorded`;
  const rows = '$queryRawUnsafe' in tx ? await tx.$queryRawUnsafe<{ count: number }[]>(text, ...values) : await tx.query<{ count: number }>(text, values);
  const count = Number(rows[0]?.count ?? 0);
  if (count > 0) await run(tx, 'SELECT pg_notify($1, $2)', EVENTS_CHANNEL, source);
  return count;
}

export interface EventRow {
  position: string;
  ref: string;
  change: string;
  fields: string[];
  entity: Record<string, unknown> | null;
  recordedAt: Date;
}

/** Reads a source's events after a position, oldest first; `after: -1` asks only for the head. */
export async function readEvents(reads: SqlReads, source: string, options: { after: number; limit: number }): Promise<EventPage> {
  const { after, limit } = options;
  if (!Number.isSafeInteger(after) || after < -1) throw new EventCursorError(`"after" must be a position (an integer from -1), got ${after}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVENTS_PER_READ) {
    throw new EventCursorError(`"limit" must be between 1 and ${MAX_EVENTS_PER_READ}, got ${limit}`);
  }
  const head = await checkEventPosition(reads, source, after);
  if (after === -1) return { events: [], head };
  const rows = await reads.query<EventRow>({
    text: `SELECT "position"::text AS "position", "ref", "change", "fields", "entity", "recorded_at" AS "recordedAt"
           FROM "event_log" WHERE "position" > $1::bigint ORDER BY "event_log"."position" LIMIT $2::int`,
    values: [after, limit],
  });
  const events = rows.map(eventOf);
  return { events, head: Math.max(head, events.at(-1)?.position ?? 0) };
}

/**
 * Checks that reading after `after` (-1: the head) misses nothing and returns the head:
 * EventsExpiredError when retention removed events after it, EventCursorError when it is
 * past the newest event (a cursor from another database).
 */
export async function checkEventPosition(reads: SqlReads, source: string, after: number): Promise<number> {
  const [bounds] = await reads.query<{ oldest: string | null; head: string | null }>({
    text: 'SELECT min("position")::text AS "oldest", max("position")::text AS "head" FROM "event_log"',
    values: [],
  });
  const head = Number(bounds.head ?? 0);
  if (after === -1) return head;
  const oldest = Number(bounds.oldest ?? 0);
  // Retention removes the oldest rows (never the newest, so positions never restart):
  // a position before the oldest one left means events in between are gone.
  if (bounds.oldest !== null && after < oldest - 1) throw new EventsExpiredError(source, after, oldest);
  if (after > head) throw new EventCursorError(`position ${after} of "${source}" is past its newest event (${head}): the cursor is not from this catalog`);
  return head;
}

export function eventOf(row: EventRow): FeedEvent {
  return {
    position: Number(row.position),
    ref: row.ref,
    change: row.change,
    fields: row.fields ?? [],
    entity: row.entity ?? null,
    recordedAt: new Date(row.recordedAt).toISOString(),
  };
}

/**
 * Removes events recorded before `olderThan`, except the newest one (so positions go on
 * from it). Returns how many were removed.
 */
export async function pruneEvents(tx: EventWriter, olderThan: Date): Promise<number> {
  const text = `WITH gone AS (
      DELETE FROM "event_log" WHERE "recorded_at" < $1::timestamptz
        AND "position" < (SELECT max("position") FROM "event_log") RETURNING 1)
    SELECT count(*)::int AS "count" FROM gone`;
  const rows = '$queryRawUnsafe' in tx ? await tx.$queryRawUnsafe<{ count: number }[]>(text, olderThan) : await tx.query<{ count: number }>(text, [olderThan]);
  return Number(rows[0]?.count ?? 0);
}
