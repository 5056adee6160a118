import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { announceCatalogEvents, trackEntityChanges } from '../changes/entityChanges';

/** Removes one entity and the relations its spec implied, recording its DELETED event; false when there was none. */
export async function deleteEntity(prisma: PrismaClient, ref: string): Promise<boolean> {
  const { deleted, events } = await prisma.$transaction(async (tx) => {
    const changes = await trackEntityChanges(tx, [ref]);
    await tx.relation.deleteMany({ where: { originRef: ref } });
    const { count } = await tx.entity.deleteMany({ where: { ref } });
    return { deleted: count > 0, events: await changes.record() };
  });
  announceCatalogEvents(events);
  return deleted;
}
