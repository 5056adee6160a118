import type { QueryResolvers } from '../generated/resolvers';
import { listEntities } from '../data/listEntities';
import { listLocations } from '../data/listLocations';
import { catalogLoaders } from '../loaders';
import { normalizeEntityRef } from '../model/entityRef';

export const Query: QueryResolvers = {
  entity: (_, { ref }, context) => {
    const canonical = normalizeEntityRef(ref);
    return canonical ? catalogLoaders(context).entityByRef.load(canonical) : null;
  },
  entities: (_, args, context) => listEntities(context.prisma, args),
  locations: (_, __, context) => listLocations(context.prisma),
};
