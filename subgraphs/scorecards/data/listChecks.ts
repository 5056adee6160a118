import type { PrismaClient } from '../../../prisma/scorecards/generated/client';
import { levelRank } from '../model/checkLevels';
import type { CheckRecord } from './checkRecord';

/** Every check, by level (lowest first) then id: one query. */
export async function listChecks(prisma: PrismaClient): Promise<CheckRecord[]> {
  const checks = await prisma.check.findMany({ orderBy: { id: 'asc' } });
  // Levels sort by rank, not by name: bronze, silver, gold.
  return checks.sort((a, b) => levelRank(a.level) - levelRank(b.level));
}
