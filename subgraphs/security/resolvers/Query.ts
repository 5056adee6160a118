import type { QueryResolvers } from '../generated/resolvers';
import { securityLoaders } from '../loaders';
import { toFindingFilter } from './toFindingFilter';

export const Query: QueryResolvers = {
  findings: (_, { entityRef, ...args }, context) =>
    securityLoaders(context).findings(toFindingFilter(args)).load(entityRef.trim().toLowerCase()),
};
