import type { EntityResolvers } from '../generated/resolvers';
import { techdocsLoaders } from '../loaders';

export const Entity: EntityResolvers = {
  // The catalog vouches for the ref; this plugin needs nothing else to resolve its fields.
  __resolveReference: (reference) => ({ ref: reference.ref }),
  docs: (entity, _, context) => techdocsLoaders(context).docSites.load(entity.ref),
};
