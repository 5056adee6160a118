import { Prisma } from '../../../prisma/catalog/generated/client';
import { countEntities } from '../data/countEntities';
import type { CatalogLocationResolvers } from '../generated/resolvers';
import { catalogAccess } from '../permissions/catalogAccess';

export const CatalogLocation: CatalogLocationResolvers = {
  refreshedAt: (location) => location.refreshedAt?.toISOString() ?? null,
  // Counts what the caller may read, as every other count does.
  entityCount: (location, _, context) => {
    const { readable } = catalogAccess(context);
    if (readable === null) return context.prisma.entity.count({ where: { locationId: location.id } });
    return countEntities(context.reads, Prisma.sql`e.location_id = ${location.id} AND ${readable}`);
  },
  errors: (location, _, context) =>
    context.prisma.ingestionError.findMany({ where: { locationId: location.id }, orderBy: [{ file: 'asc' }, { createdAt: 'asc' }] }),
};
