import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import type { Problem } from '../ingestion/readLocation';
import { toStorableText } from '../../../kit';

/** Replaces a location's recorded problems with those of its latest read, and stamps the read. */
export async function saveLocationErrors(prisma: PrismaClient, locationId: string, problems: Problem[]): Promise<void> {
  await prisma.$transaction([
    prisma.ingestionError.deleteMany({ where: { locationId } }),
    // Messages quote input (Backstage's do), which may hold text PostgreSQL cannot store.
    prisma.ingestionError.createMany({
      data: problems.map((problem) => ({
        locationId,
        file: toStorableText(problem.file),
        entityRef: problem.entityRef === null ? null : toStorableText(problem.entityRef),
        message: toStorableText(problem.message),
      })),
    }),
    prisma.location.update({ where: { id: locationId }, data: { refreshedAt: new Date() } }),
  ]);
}
