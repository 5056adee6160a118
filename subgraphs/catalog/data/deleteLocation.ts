import type { PrismaClient } from '../../../prisma/catalog/generated/client';

/** Removes a location with every entity it provided and their relations; false when unknown. */
export async function deleteLocation(prisma: PrismaClient, id: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const location = await tx.location.findUnique({ where: { id }, select: { id: true } });
    if (!location) return false;
    const refs = (await tx.entity.findMany({ where: { locationId: id }, select: { ref: true } })).map((row) => row.ref);
    await tx.relation.deleteMany({ where: { originRef: { in: refs } } });
    await tx.entity.deleteMany({ where: { locationId: id } });
    await tx.location.delete({ where: { id } });
    return true;
  });
}
