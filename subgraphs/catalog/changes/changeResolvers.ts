import { InputError } from '../../../kit';
import type { CatalogContext } from '../context';
import type { EntityRecord } from '../data/entityRecord';
import type { EntityChangeResolvers, EntityVersionResolvers, QueryResolvers } from '../generated/resolvers';
import { catalogLoaders } from '../loaders';
import { catalogAccess } from '../permissions/catalogAccess';
import { queryRef } from '../resolvers/Query';
import { listChanges, listVersions, versionAt } from './changeQueries';
import { recordOfSnapshot } from './historicalRecord';

/** `Query.changes` and `Query.entityHistory`. */
export const changeQueries: Pick<QueryResolvers, 'changes' | 'entityHistory'> = {
  changes: async (_, args, context) => {
    const page = await listChanges(context.reads, args, catalogAccess(context).readable);
    return { nodes: page.nodes, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  },
  entityHistory: async (_, { ref, first, after }, context) => {
    const page = await listVersions(context.reads, queryRef(ref), { first, after }, catalogAccess(context).readable);
    return { nodes: page.nodes, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  },
};

/** `entity(ref:, asOf:)`: the version the history holds for that time (see the schema). */
export async function entityAsOf(context: CatalogContext, ref: string, asOf: string): Promise<EntityRecord | null> {
  const at = new Date(asOf);
  const found = await versionAt(context.reads, ref, at, catalogAccess(context).readable);
  if (found.kind === 'version') return found.snapshot && recordOfSnapshot(found.snapshot);
  if (found.kind === 'expired') {
    throw new InputError(`The history of ${ref} before ${found.oldest} is no longer kept (CATALOG_EVENTS_RETENTION_DAYS); ask for a later asOf`);
  }
  // No change recorded since: today's entity is the one it was, if it existed by then.
  const today = await catalogLoaders(context).entityByRef.load(ref);
  return today && today.createdAt.getTime() <= at.getTime() ? today : null;
}

export const EntityChange: EntityChangeResolvers = {
  // Today's entity, through the caller's permissions: null once it is gone.
  entity: (change, _, context) => (change.change === 'DELETED' ? null : catalogLoaders(context).entityByRef.load(change.ref)),
};

export const EntityVersion: EntityVersionResolvers = {
  entity: (version) => recordOfSnapshot(version.snapshot),
};
