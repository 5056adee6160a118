import type { EntityKey } from './entityKey';

/**
 * SQL shared by the batched reads. The requested entities become rows
 * `entity(ref, slug, position)` from parameters $1 (refs) and $2 (slugs), so one
 * statement answers for any number of entities; `position` (1-based) says whose a row is.
 */
export const ENTITY_KEYS_FROM = `unnest($1::text[], $2::text[]) WITH ORDINALITY AS entity(ref, slug, position)`;

/** A run `r` belongs to `entity` when it was reported for the entity's ref or for its project slug. */
export const RUN_OF_ENTITY = `(r.entity_ref = entity.ref OR r.project_slug = entity.slug)`;

/** The values of $1 and $2 for `ENTITY_KEYS_FROM`. */
export function entityKeyParams(keys: readonly EntityKey[]): [string[], (string | null)[]] {
  return [keys.map((key) => key.ref), keys.map((key) => key.projectSlug)];
}

/** Rows tagged with their entity's 1-based `position`, grouped per entity in key order. */
export function groupByPosition<Row extends { position: number }>(count: number, rows: readonly Row[]): Row[][] {
  const groups = Array.from({ length: count }, (): Row[] => []);
  for (const row of rows) groups[row.position - 1]?.push(row);
  return groups;
}
