import { checkEventPosition, decodeFeedCursor, encodeFeedCursor, eventOf, InputError, type EventRow, type FeedEvent, type SqlReads } from '../../../kit';
import { Prisma } from '../../../prisma/catalog/generated/client';
import { entityFilterSql, type EntityFilterInput } from '../data/entityFilterSql';
import { CATALOG_SOURCE, type EntitySnapshot } from './entityChanges';

const sql = Prisma.sql;

/** One catalog change as resolvers take it (EntityChange). */
export interface ChangeRecord extends FeedEvent {
  source: string;
  cursor: string;
}

export interface ChangePage {
  nodes: ChangeRecord[];
  hasNextPage: boolean;
  endCursor: string;
}

/** One recorded version (EntityVersion). */
export interface VersionRecord {
  position: number;
  change: string;
  fields: string[];
  recordedAt: string;
  snapshot: EntitySnapshot;
}

export const MAX_CHANGES_PAGE = 1_000;
export const MAX_HISTORY_PAGE = 100;

/**
 * An event's snapshot as an entity row `e`: filters and permission conditions (written
 * for the entities table) apply to it as they are. Its derived columns (search, summary) are null.
 */
const SNAPSHOT_AS_E = sql`CROSS JOIN LATERAL jsonb_populate_record(NULL::entities, ev.entity) AS e`;

/**
 * The catalog's changes after a feed cursor (only its catalog position is read; the
 * others are carried on in each change's cursor), matching `filter` and readable by the
 * caller, oldest first.
 */
export async function listChanges(
  reads: SqlReads,
  args: { after?: string | null; filter?: EntityFilterInput | null; first?: number | null },
  readable: Prisma.Sql | null,
): Promise<ChangePage> {
  const first = args.first ?? 100;
  if (!Number.isInteger(first) || first < 1 || first > MAX_CHANGES_PAGE) throw new InputError(`"first" must be between 1 and ${MAX_CHANGES_PAGE}, got ${first}`);
  if (hasText(args.filter)) throw new InputError('`changes` cannot filter on `text`: a change is matched on the entity as it was, which has no search document');
  const positions = args.after ? { ...decodeFeedCursor(args.after) } : {};
  const requested = positions[CATALOG_SOURCE] ?? 0;
  const head = await checkEventPosition(reads, CATALOG_SOURCE, requested);
  const after = requested === -1 ? head : requested;
  const filter = entityFilterSql(args.filter, readable);
  const visible = readable === null ? sql`TRUE` : readable;
  // The head is read in the page's statement (the same snapshot): positions are committed
  // in order, so every position up to it was scanned, and an empty page may resume from it.
  const rows = await reads.query<Partial<EventRow> & { head: string }>(sql`
    WITH head AS (SELECT coalesce(max("position"), 0) AS head FROM event_log),
    page AS (
      SELECT ev."position", ev."ref", ev."change", ev."fields", ev."entity", ev."recorded_at"
      FROM event_log ev ${SNAPSHOT_AS_E}
      WHERE ev."position" > ${after}::bigint AND ev.entity IS NOT NULL AND ${filter} AND ${visible}
      ORDER BY ev."position" LIMIT ${first + 1}::int)
    SELECT head.head::text AS "head", page."position"::text AS "position", page."ref", page."change", page."fields", page."entity",
           page."recorded_at" AS "recordedAt"
    FROM head LEFT JOIN page ON TRUE ORDER BY page."position"`);
  const found = rows.filter((row) => row.position != null).map((row) => eventOf(row as EventRow));
  const cursorAt = (position: number) => encodeFeedCursor({ ...positions, [CATALOG_SOURCE]: position });
  const nodes = found.slice(0, first).map((event) => ({ ...event, source: CATALOG_SOURCE, cursor: cursorAt(event.position) }));
  const hasNextPage = found.length > first;
  const scannedTo = Math.max(after, Number(rows[0]?.head ?? 0));
  return { nodes, hasNextPage, endCursor: hasNextPage ? nodes[nodes.length - 1].cursor : cursorAt(scannedTo) };
}

function hasText(filter: EntityFilterInput | null | undefined): boolean {
  if (!filter) return false;
  if (filter.text !== undefined && filter.text !== null) return true;
  return [...(filter.and ?? []), ...(filter.or ?? []), ...(filter.not ? [filter.not] : [])].some(hasText);
}

/** History cursors: the position of the last version on the page, opaque to clients. */
const encodeVersionCursor = (position: number) => Buffer.from(`version:${position}`).toString('base64url');

function decodeVersionCursor(cursor: string): number {
  const match = /^version:(\d{1,16})$/.exec(cursor.length <= 40 ? Buffer.from(cursor, 'base64url').toString('utf8') : '');
  if (!match) throw new InputError('"after" is not an entityHistory cursor: pass the endCursor of the previous page');
  return Number(match[1]);
}

/** An entity's recorded versions that the caller may read, newest first. */
export async function listVersions(
  reads: SqlReads,
  ref: string,
  args: { first?: number | null; after?: string | null },
  readable: Prisma.Sql | null,
): Promise<{ nodes: VersionRecord[]; hasNextPage: boolean; endCursor: string | null }> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_HISTORY_PAGE) throw new InputError(`"first" must be between 1 and ${MAX_HISTORY_PAGE}, got ${first}`);
  const before = args.after ? decodeVersionCursor(args.after) : Number.MAX_SAFE_INTEGER;
  const rows = await reads.query<EventRow>(sql`
    SELECT ev."position"::text AS "position", ev."ref", ev."change", ev."fields", ev."entity", ev."recorded_at" AS "recordedAt"
    FROM event_log ev ${SNAPSHOT_AS_E}
    WHERE ev."ref" = ${ref} AND ev.entity IS NOT NULL AND ev."position" < ${before}::bigint AND ${readable ?? sql`TRUE`}
    ORDER BY ev."position" DESC LIMIT ${first + 1}::int`);
  const nodes = rows.slice(0, first).map((row) => {
    const event = eventOf(row);
    return { position: event.position, change: event.change, fields: event.fields, recordedAt: event.recordedAt, snapshot: event.entity as EntitySnapshot };
  });
  return { nodes, hasNextPage: rows.length > first, endCursor: nodes.length ? encodeVersionCursor(nodes[nodes.length - 1].position) : null };
}

/**
 * What the history says of an entity at `asOf`: its version then (`snapshot`, null when
 * it was deleted or not yet created), or `unknown` when no version recorded at or before
 * that time is kept: then it either has not changed since (today's entity holds) or its
 * history before the oldest kept event is gone (`expired`).
 */
export async function versionAt(
  reads: SqlReads,
  ref: string,
  asOf: Date,
  readable: Prisma.Sql | null,
): Promise<{ kind: 'version'; snapshot: EntitySnapshot | null } | { kind: 'unchanged' } | { kind: 'expired'; oldest: string }> {
  const [latest] = await reads.query<{ change: string; entity: EntitySnapshot; visible: boolean }>(sql`
    SELECT ev."change", ev."entity", coalesce(${readable ?? sql`TRUE`}, FALSE) AS "visible"
    FROM event_log ev ${SNAPSHOT_AS_E}
    WHERE ev."ref" = ${ref} AND ev.entity IS NOT NULL AND ev."recorded_at" <= ${asOf}::timestamptz
    ORDER BY ev."position" DESC LIMIT 1`);
  if (latest) return { kind: 'version', snapshot: latest.change === 'DELETED' || !latest.visible ? null : latest.entity };
  const [next] = await reads.query<{ change: string; recordedAt: Date }>(sql`
    SELECT ev."change", ev."recorded_at" AS "recordedAt" FROM event_log ev
    WHERE ev."ref" = ${ref} ORDER BY ev."position" LIMIT 1`);
  if (!next) return { kind: 'unchanged' };
  // Its oldest kept change created it: it did not exist yet.
  if (next.change === 'CREATED') return { kind: 'version', snapshot: null };
  return { kind: 'expired', oldest: new Date(next.recordedAt).toISOString() };
}
