import { Prisma } from '../../../prisma/catalog/generated/client';
import { oneInKeyOrder, type SqlReads } from '../../../kit';
import { ENTITY_COLUMNS, entityRecordOf } from './entityColumns';
import type { EntityRecord } from './entityRecord';

/**
 * One query for any number of refs; results in the order of `refs`, null where none
 * exists or where `readable` (a permission condition on `e`, null for none) hides it:
 * a hidden entity and a missing one look the same.
 *
 * Raw SQL with `= ANY($1)` rather than `findMany({ in })`, through the kit's reads: this
 * runs on every entity lookup, and Prisma's chunking of an `in` list, or its client at all,
 * costs about as much CPU as the query.
 */
export async function findEntitiesByRefs(
  reads: SqlReads,
  refs: readonly string[],
  readable: Prisma.Sql | null = null,
): Promise<(EntityRecord | null)[]> {
  const unique = [...new Set(refs)];
  const visible = readable === null ? Prisma.empty : Prisma.sql`AND ${readable}`;
  const rows = await reads.query(
    Prisma.sql`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.ref = ANY(${unique}::text[]) ${visible}`,
  );
  return oneInKeyOrder(refs, rows.map(entityRecordOf), (row) => row.ref);
}
