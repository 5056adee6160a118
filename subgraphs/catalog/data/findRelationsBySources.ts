import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { manyInKeyOrder } from '../../../kit';
import type { RelationRecord } from './relationRecord';

/**
 * Every relation leaving each of `sourceRefs`, in one query. Two entities may imply the
 * same relation (a group listing a member, the user naming the group): it is returned once.
 */
export async function findRelationsBySources(prisma: PrismaClient, sourceRefs: readonly string[]): Promise<RelationRecord[][]> {
  const rows = await prisma.relation.findMany({
    where: { sourceRef: { in: [...new Set(sourceRefs)] } },
    select: { sourceRef: true, type: true, targetRef: true },
    distinct: ['sourceRef', 'type', 'targetRef'],
    orderBy: [{ sourceRef: 'asc' }, { type: 'asc' }, { targetRef: 'asc' }],
  });
  return manyInKeyOrder(sourceRefs, rows, (row) => row.sourceRef);
}
