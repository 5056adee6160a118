import { Prisma, type PrismaClient } from '../../../prisma/catalog/generated/client';
import { oneInKeyOrder } from '../../../kit';
import { ENTITY_COLUMNS, entityRecordOf } from './entityColumns';
import type { EntityRecord } from './entityRecord';

/**
 * One query for any number of refs; results in the order of `refs`, null where none
 * exists or where `readable` (a permission condition on `e`, null for none) hides it:
 * a hidden entity and a missing one look the same.
 */
export async function findEntitiesByRefs(
  prisma: PrismaClient,
  refs: readonly string[],
  readable: Prisma.Sql | null = null,
): Promise<(EntityRecord | null)[]> {
  const unique = [...new Set(refs)];
  if (readable === null) {
    const rows = await prisma.entity.findMany({ where: { ref: { in: unique } } });
    return oneInKeyOrder(refs, rows, (row) => row.ref);
  }
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>(
    Prisma.sql`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.ref = ANY(${unique}::text[]) AND ${readable}`,
  );
  return oneInKeyOrder(refs, rows.map(entityRecordOf), (row) => row.ref);
}
