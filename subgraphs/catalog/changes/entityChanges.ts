import { isDeepStrictEqual } from 'node:util';
import { announceEvents, recordEvents, recordEventsFrom, type NewEvent } from '../../../kit';
import type { Prisma } from '../../../prisma/catalog/generated/client';

/** The catalog's name on the change feed (the key of its position in cursors). */
export const CATALOG_SOURCE = 'catalog';

/** An entity row as JSON (`to_jsonb(e)`, column names as stored), without its derived columns. */
export type EntitySnapshot = Record<string, unknown> & { ref: string; descriptor: Record<string, unknown>; orphaned_at: string | null };

type Tx = Pick<Prisma.TransactionClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

/**
 * The rows of `refs` as they are now in the transaction. `search` and `summary` are left
 * out: PostgreSQL derives both from the descriptor.
 */
async function snapshotsOf(tx: Tx, refs: readonly string[]): Promise<Map<string, EntitySnapshot>> {
  if (!refs.length) return new Map();
  const rows = await tx.$queryRawUnsafe<{ entity: EntitySnapshot }[]>(
    `SELECT to_jsonb(e) - 'search' - 'summary' AS "entity" FROM "entities" e WHERE e."ref" = ANY($1::text[])`,
    [...refs],
  );
  return new Map(rows.map((row) => [row.entity.ref, row.entity]));
}

/**
 * Top-level paths that differ between two versions of a descriptor: `apiVersion`, `kind`,
 * `metadata.<key>` and `spec.<key>` (and any other top-level key as itself), plus
 * `orphaned` when the entity left or came back to its location. Compared as values, so a
 * re-written identical entity (moved to another file, say) changes nothing.
 */
export function changedFields(before: EntitySnapshot | undefined, after: EntitySnapshot | undefined): string[] {
  const fields: string[] = [];
  const old = before?.descriptor ?? {};
  const now = after?.descriptor ?? {};
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const a = old[key];
    const b = now[key];
    if ((key === 'metadata' || key === 'spec') && isObject(a ?? {}) && isObject(b ?? {})) {
      const aObject = (a ?? {}) as Record<string, unknown>;
      const bObject = (b ?? {}) as Record<string, unknown>;
      for (const sub of new Set([...Object.keys(aObject), ...Object.keys(bObject)])) {
        if (!isDeepStrictEqual(aObject[sub], bObject[sub])) fields.push(`${key}.${sub}`);
      }
    } else if (!isDeepStrictEqual(a, b)) fields.push(key);
  }
  if (before && after && !before.orphaned_at !== !after.orphaned_at) fields.push('orphaned');
  return fields.sort();
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The event for one entity's change, or null when nothing a reader sees changed. */
function eventFor(ref: string, before: EntitySnapshot | undefined, after: EntitySnapshot | undefined): NewEvent | null {
  if (!before && !after) return null;
  const fields = changedFields(before, after);
  if (!before) return { ref, change: 'CREATED', fields, entity: after };
  if (!after) return { ref, change: 'DELETED', fields, entity: before };
  if (!fields.length) return null;
  // An orphan's snapshot is the entity before it was orphaned, as for a deletion.
  if (!before.orphaned_at && after.orphaned_at) return { ref, change: 'ORPHANED', fields, entity: before };
  return { ref, change: 'UPDATED', fields, entity: after };
}

/**
 * Records an event per changed entity in the caller's transaction: `track` reads the
 * entities before the write, `record` reads them after it and appends CREATED, UPDATED,
 * DELETED or ORPHANED with the changed fields (nothing for an entity that did not
 * change). `record` must be the transaction's last statement but a few (kit/events).
 */
export async function trackEntityChanges(tx: Tx, refs: readonly string[]) {
  const unique = [...new Set(refs)];
  const before = await snapshotsOf(tx, unique);
  return {
    /** Appends the events; returns how many (0: nothing changed). */
    async record(): Promise<number> {
      const after = await snapshotsOf(tx, unique);
      const events = unique.map((ref) => eventFor(ref, before.get(ref), after.get(ref))).filter((event): event is NewEvent => event !== null);
      return recordEvents(tx, CATALOG_SOURCE, events);
    },
  };
}

/**
 * Every top-level path of an entity row `e`'s descriptor, as changedFields names them,
 * sorted as JavaScript sorts them (byte order).
 */
const ALL_PATHS_SQL = `(SELECT coalesce(jsonb_agg(p ORDER BY p COLLATE "C"), '[]'::jsonb) FROM (
    SELECT k AS p FROM jsonb_object_keys(e.descriptor) AS k WHERE k NOT IN ('metadata', 'spec')
    UNION ALL SELECT 'metadata.' || k FROM jsonb_object_keys(CASE WHEN jsonb_typeof(e.descriptor->'metadata') = 'object' THEN e.descriptor->'metadata' ELSE '{}'::jsonb END) AS k
    UNION ALL SELECT 'spec.' || k FROM jsonb_object_keys(CASE WHEN jsonb_typeof(e.descriptor->'spec') = 'object' THEN e.descriptor->'spec' ELSE '{}'::jsonb END) AS k
  ) AS paths)`;

/**
 * DELETED (every path it had) or ORPHANED (`orphaned`) for the entities about to be
 * deleted or orphaned, with their rows as they are (the snapshot before): recorded in
 * the database, so a location of 100,000 entities costs no memory here. Call it right
 * before the delete or update, in its transaction. `where` is a condition on `e` over `$1`.
 */
export function recordVanishing(tx: Tx, change: 'DELETED' | 'ORPHANED', where: string, parameter: unknown): Promise<number> {
  const fields = change === 'DELETED' ? ALL_PATHS_SQL : `'["orphaned"]'::jsonb`;
  return recordEventsFrom(
    tx,
    CATALOG_SOURCE,
    `SELECT e."ref", '${change}' AS "change", ${fields} AS "fields", to_jsonb(e) - 'search' - 'summary' AS "entity"
     FROM "entities" e WHERE ${where} ORDER BY e."ref"`,
    parameter,
  );
}

/** After a committed write that recorded events: wakes the feed's readers in this process. */
export function announceCatalogEvents(recorded: number): void {
  if (recorded > 0) announceEvents(CATALOG_SOURCE);
}
