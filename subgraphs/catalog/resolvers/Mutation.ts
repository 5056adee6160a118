import { InputError } from '../../../kit';
import type { MutationResolvers } from '../generated/resolvers';
import { Prisma } from '../../../prisma/catalog/generated/client';
import { normalizeEntityRef } from '../model/entityRef';
import { CATALOG_ACTIONS } from '../permissions/catalogActions';
import { catalogAccess } from '../permissions/catalogAccess';

/** Every write asks the policy first; a refusal is FORBIDDEN (writes may say so, reads never do). */
export const Mutation: MutationResolvers = {
  registerLocation: (_, { target }, context) => {
    catalogAccess(context).require(CATALOG_ACTIONS.locationCreate);
    return context.ingestion.registerLocation(target);
  },
  refreshLocation: (_, { id }, context) => {
    catalogAccess(context).require(CATALOG_ACTIONS.entityRefresh);
    return context.ingestion.refreshLocation(id);
  },
  refreshEntity: async (_, { ref }, context) => {
    const canonical = canonicalRef(ref);
    await catalogAccess(context).requireOnEntities(context.reads, CATALOG_ACTIONS.entityRefresh, Prisma.sql`e.ref = ${canonical}`);
    return context.ingestion.refreshEntity(canonical);
  },
  unregisterLocation: async (_, { id }, context) => {
    // Unregistering removes the location's entities: each must be one the caller may delete.
    await catalogAccess(context).requireOnEntities(context.reads, CATALOG_ACTIONS.entityDelete, Prisma.sql`e.location_id = ${id}`);
    return context.ingestion.unregisterLocation(id);
  },
  applyEntities: (_, { yaml, dryRun }, context) => {
    catalogAccess(context).require(CATALOG_ACTIONS.entityCreate);
    return context.ingestion.apply(yaml, dryRun ?? false);
  },
  removeEntity: async (_, { ref }, context) => {
    const canonical = canonicalRef(ref);
    await catalogAccess(context).requireOnEntities(context.reads, CATALOG_ACTIONS.entityDelete, Prisma.sql`e.ref = ${canonical}`);
    return context.ingestion.removeEntity(canonical);
  },
};

function canonicalRef(ref: string): string {
  const canonical = normalizeEntityRef(ref);
  if (!canonical) throw new InputError(`"${ref}" is not an entity ref; expected kind:namespace/name or kind:name`);
  return canonical;
}
