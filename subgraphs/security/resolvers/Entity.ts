import type { EntityResolvers } from '../generated/resolvers';
import { securityLoaders } from '../loaders';
import { toFindingFilter } from './toFindingFilter';

export const Entity: EntityResolvers = {
  // The catalog vouches for the ref; this plugin needs nothing else to resolve its fields.
  __resolveReference: (reference) => ({ ref: reference.ref }),
  vulnerabilities: (entity, args, context) => securityLoaders(context).findings(toFindingFilter(args)).load(entity.ref),
  vulnerabilitySummary: (entity, _, context) => securityLoaders(context).summaries.load(entity.ref),
};
