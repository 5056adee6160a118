import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import type { Problem } from '../ingestion/readLocation';

/** Replaces a location's recorded problems with those of its latest read, and stamps the read. */
export async function saveLocationErrors(prisma: PrismaClient, locationId: string, problems: Problem[]): Promise<void> {
  await prisma.$transaction([
    prisma.ingestionError.deleteMany({ where: { locationId } }),
    prisma.ingestionError.createMany({ data: problems.map((problem) => ({ locationId, ...problem })) }),
    prisma.location.update({ where: { id: locationId }, data: { refreshedAt: new Date() } }),
  ]);
}
