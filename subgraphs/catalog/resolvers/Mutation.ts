import { InputError } from '../../../kit';
import type { MutationResolvers } from '../generated/resolvers';
import { normalizeEntityRef } from '../model/entityRef';

export const Mutation: MutationResolvers = {
  registerLocation: (_, { target }, context) => context.ingestion.registerLocation(target),
  refreshLocation: (_, { id }, context) => context.ingestion.refreshLocation(id),
  refreshEntity: (_, { ref }, context) => context.ingestion.refreshEntity(canonicalRef(ref)),
  unregisterLocation: (_, { id }, context) => context.ingestion.unregisterLocation(id),
  applyEntities: (_, { yaml, dryRun }, context) => context.ingestion.apply(yaml, dryRun ?? false),
  removeEntity: (_, { ref }, context) => context.ingestion.removeEntity(canonicalRef(ref)),
};

function canonicalRef(ref: string): string {
  const canonical = normalizeEntityRef(ref);
  if (!canonical) throw new InputError(`"${ref}" is not an entity ref; expected kind:namespace/name or kind:name`);
  return canonical;
}
