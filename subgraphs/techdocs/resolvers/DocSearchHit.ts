import type { DocSearchHitResolvers } from '../generated/resolvers';

export const DocSearchHit: DocSearchHitResolvers = {
  // Only the key: the gateway asks the catalog for the rest of the entity.
  entity: (hit) => ({ ref: hit.entityRef }),
};
