import type { PrismaClient } from '../../../prisma/catalog/generated/client';

/** Rows changed by one read above which the planner's statistics are refreshed at once. */
export const STATISTICS_AFTER_ROWS = 1_000;

/**
 * Refreshes the planner's statistics and the visibility map of the catalog's big tables.
 * PGlite has no autovacuum, so without this an embedded catalog is planned as if empty
 * after its first large ingest (lists sort every match, counts read every row); on
 * PostgreSQL it only does early what autovacuum would do later.
 */
export async function refreshStatistics(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe('VACUUM (ANALYZE) "entities", "relations", "location_files"');
}
