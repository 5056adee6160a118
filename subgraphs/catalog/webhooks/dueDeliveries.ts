import { Prisma, type PrismaClient } from '../../../prisma/catalog/generated/client';

export interface DueDelivery {
  id: string;
  ref: string;
  event: unknown;
  eventCursor: string;
  attempts: number;
}

/**
 * What one webhook may send now, oldest first, at most `limit`: the first undelivered
 * delivery of each entity, when its retry time has come. A delivery that keeps failing
 * holds its entity's later events, never another entity's.
 */
export async function dueDeliveries(prisma: PrismaClient, webhookId: string, limit: number): Promise<DueDelivery[]> {
  return prisma.$queryRaw<DueDelivery[]>(Prisma.sql`
    SELECT id, ref, event, "eventCursor", attempts FROM (
      SELECT DISTINCT ON (ref) id, ref, event, event_cursor AS "eventCursor", attempts, seq, next_attempt_at
      FROM webhook_deliveries WHERE webhook_id = ${webhookId} AND status = 'PENDING'
      ORDER BY ref, seq) heads
    WHERE next_attempt_at <= ${new Date()}
    ORDER BY seq
    LIMIT ${limit}`);
}

/** When the next pending delivery of these webhooks falls due; null when none waits. */
export async function nextDueTime(prisma: PrismaClient, webhookIds: readonly string[]): Promise<Date | null> {
  if (!webhookIds.length) return null;
  const found = await prisma.webhookDelivery.aggregate({ _min: { nextAttemptAt: true }, where: { webhookId: { in: [...webhookIds] }, status: 'PENDING' } });
  return found._min.nextAttemptAt;
}
