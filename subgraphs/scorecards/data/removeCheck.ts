import type { PrismaClient } from '../../../prisma/scorecards/generated/client';

/** Removes a check; false when there was none with that id. */
export async function removeCheck(prisma: PrismaClient, id: string): Promise<boolean> {
  const { count } = await prisma.check.deleteMany({ where: { id } });
  return count > 0;
}
