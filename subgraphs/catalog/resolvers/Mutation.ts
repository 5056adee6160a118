import { InputError } from '../../../kit';
import type { MutationResolvers } from '../generated/resolvers';
import { Prisma } from '../../../prisma/catalog/generated/client';
import { normalizeEntityRef } from '../model/entityRef';
import { CATALOG_ACTIONS } from '../permissions/catalogActions';
import { catalogAccess } from '../permissions/catalogAccess';
import { findEntitiesByRefs } from '../data/findEntitiesByRefs';

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
  applyEntities: (_, { yaml, dryRun, expectedVersion }, context) => {
    const access = catalogAccess(context);
    access.require(CATALOG_ACTIONS.entityCreate);
    // Creating is not replacing: each entity of the input that exists must be one the
    // caller may update (conditional: the stored entity must match), dry runs included.
    return context.ingestion.apply(yaml, dryRun ?? false, async (existing) => {
      if (!existing.length) return new Set();
      await access.requireOnEntities(context.reads, CATALOG_ACTIONS.entityUpdate, Prisma.sql`e.ref = ANY(${[...existing]}::text[])`);
      // Not through the request's loader: ApplyResult.entities loads these again after the write.
      const readable = await findEntitiesByRefs(context.reads, existing, access.readable);
      return new Set(existing.filter((_, index) => readable[index] !== null));
    }, expectedVersion ?? undefined);
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
