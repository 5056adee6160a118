import type { PrismaClient } from '../../../prisma/security/generated/client';
import { ConflictError, NotFoundError } from '../../../kit';
import type { FindingRecord } from './findingRecord';

/** Marks an open (or already dismissed) finding as dismissed, with why; a fixed one has nothing left to dismiss. */
export async function dismissFinding(prisma: PrismaClient, id: string, reason: string | null, now = new Date()): Promise<FindingRecord> {
  const { count } = await prisma.finding.updateMany({
    where: { id, state: { in: ['open', 'dismissed'] } },
    data: { state: 'dismissed', dismissedAt: now, dismissedReason: reason?.trim() || null },
  });
  const finding = await prisma.finding.findUnique({ where: { id } });
  if (!finding) throw new NotFoundError(`No finding with id "${id}"`);
  if (count === 0) throw new ConflictError(`Finding "${id}" is already fixed; there is nothing to dismiss`);
  return finding;
}
