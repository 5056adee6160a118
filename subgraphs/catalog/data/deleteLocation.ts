import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { announceCatalogEvents, recordVanishing } from '../changes/entityChanges';

/** Removes a location with every entity it provided and their relations (a DELETED event each); false when unknown. */
export async function deleteLocation(prisma: PrismaClient, id: string): Promise<boolean> {
  const { found, events } = await prisma.$transaction(async (tx) => {
    const location = await tx.location.findUnique({ where: { id }, select: { id: true } });
    if (!location) return { found: false, events: 0 };
    const refs = (await tx.entity.findMany({ where: { locationId: id }, select: { ref: true } })).map((row) => row.ref);
    const events = await recordVanishing(tx, 'DELETED', 'e."location_id" = $1', id);
    await tx.relation.deleteMany({ where: { originRef: { in: refs } } });
    await tx.entity.deleteMany({ where: { locationId: id } });
    await tx.location.delete({ where: { id } });
    return { found: true, events };
  });
  announceCatalogEvents(events);
  return found;
}
