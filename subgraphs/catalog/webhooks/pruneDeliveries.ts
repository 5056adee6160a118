import type { PrismaClient } from '../../../prisma/catalog/generated/client';

/**
 * The delivery log's retention: removes deliveries that finished (delivered or given up)
 * before `before`, with their attempts. Pending ones stay whatever their age. Returns how
 * many went.
 */
export async function pruneDeliveries(prisma: PrismaClient, before: Date): Promise<number> {
  const removed = await prisma.webhookDelivery.deleteMany({ where: { finishedAt: { lt: before } } });
  return removed.count;
}
