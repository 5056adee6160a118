import { Prisma } from '../../../prisma/catalog/generated/client';
import { manyInKeyOrder, type SqlReads } from '../../../kit';
import { visibleTargetSql } from './entityFieldSql';
import type { RelationRecord } from './relationRecord';

/**
 * Every relation leaving each of `sourceRefs`, in one query. Two entities may imply the
 * same relation (a group listing a member, the user naming the group): it is returned once.
 *
 * With `readable` (a permission condition on `e`), a relation whose target is an entity
 * the caller may not read is left out, target ref and all: it would name an entity the
 * caller cannot otherwise know of. A relation to a ref with no entity (dangling) stays.
 *
 * Raw SQL rather than `findMany({ in })`: see findEntitiesByRefs.
 */
export async function findRelationsBySources(
  reads: SqlReads,
  sourceRefs: readonly string[],
  readable: Prisma.Sql | null = null,
): Promise<RelationRecord[][]> {
  const rows = await reads.query<RelationRecord>(Prisma.sql`
    SELECT DISTINCT r.source_ref AS "sourceRef", r.type, r.target_ref AS "targetRef"
    FROM relations r
    WHERE r.source_ref = ANY(${[...new Set(sourceRefs)]}::text[])
      ${visibleTargetSql(readable)}
    ORDER BY r.source_ref, r.type, r.target_ref`);
  return manyInKeyOrder(sourceRefs, rows, (row) => row.sourceRef);
}
