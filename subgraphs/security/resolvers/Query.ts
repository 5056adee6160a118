import { allowsAcrossCatalog } from '../../../kit';
import type { QueryResolvers } from '../generated/resolvers';
import { securityLoaders } from '../loaders';
import { toFindingFilter } from './toFindingFilter';

/** The plugin's read action; its root query needs it, and catalog reads, allowed outright. */
export const SECURITY_FINDING_READ = 'security.finding.read';

export const Query: QueryResolvers = {
  // Refused looks like no findings: never an error that tells the entity exists.
  findings: async (_, { entityRef, ...args }, context) =>
    allowsAcrossCatalog(context, SECURITY_FINDING_READ)
      ? securityLoaders(context).findings(toFindingFilter(args)).load(entityRef.trim().toLowerCase())
      : [],
};
