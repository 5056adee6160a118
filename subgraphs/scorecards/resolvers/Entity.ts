import type { EntityResolvers } from '../generated/resolvers';
import { scorecardsLoaders } from '../loaders';

export const Entity: EntityResolvers = {
  // The gateway vouches for the ref; everything else is read from the graph when scored.
  __resolveReference: (reference) => ({ ref: reference.ref }),
  scorecard: (entity, _, context) => scorecardsLoaders(context).scorecards.load(entity.ref),
};
