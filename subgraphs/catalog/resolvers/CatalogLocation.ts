import type { CatalogLocationResolvers } from '../generated/resolvers';

export const CatalogLocation: CatalogLocationResolvers = {
  refreshedAt: (location) => location.refreshedAt?.toISOString() ?? null,
  entityCount: (location, _, context) => context.prisma.entity.count({ where: { locationId: location.id } }),
  errors: (location, _, context) =>
    context.prisma.ingestionError.findMany({ where: { locationId: location.id }, orderBy: [{ file: 'asc' }, { createdAt: 'asc' }] }),
};
