import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { oneInKeyOrder } from '../../../kit';
import type { EntityRecord } from './entityRecord';

/** One query for any number of refs; results in the order of `refs`, null where none exists. */
export async function findEntitiesByRefs(prisma: PrismaClient, refs: readonly string[]): Promise<(EntityRecord | null)[]> {
  const rows = await prisma.entity.findMany({ where: { ref: { in: [...new Set(refs)] } } });
  return oneInKeyOrder(refs, rows, (row) => row.ref);
}
