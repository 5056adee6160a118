import type { PrismaClient } from '../../../prisma/catalog/generated/client';

/** Removes one entity and the relations its spec implied; false when there was none. */
export async function deleteEntity(prisma: PrismaClient, ref: string): Promise<boolean> {
  const [, deleted] = await prisma.$transaction([
    prisma.relation.deleteMany({ where: { originRef: ref } }),
    prisma.entity.deleteMany({ where: { ref } }),
  ]);
  return deleted.count > 0;
}
