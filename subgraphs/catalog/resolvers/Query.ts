import { InputError } from '../../../kit';
import { entityAsOf } from '../changes/changeResolvers';
import type { QueryResolvers } from '../generated/resolvers';
import type { EntityRecord } from '../data/entityRecord';
import { listEntities } from '../data/listEntities';
import { listLocations } from '../data/listLocations';
import { catalogLoaders } from '../loaders';
import { normalizeEntityRef } from '../model/entityRef';
import { CATALOG_ACTIONS } from '../permissions/catalogActions';
import { catalogAccess } from '../permissions/catalogAccess';
import { asksOnlySummaryFields } from './asksOnlySummaryFields';
import { selectsField } from './selectedFields';

const MAX_REFS = 500;

export const Query: QueryResolvers = {
  entity: (_, { ref, asOf }, context) => (asOf ? entityAsOf(context, queryRef(ref), asOf) : catalogLoaders(context).entityByRef.load(queryRef(ref))),
  entitiesByRefs: async (_, { refs }, context) => {
    if (refs.length > MAX_REFS) throw new InputError(`"refs" may list at most ${MAX_REFS} refs, got ${refs.length}`);
    // One batch: the loader turns these into a single query, duplicates included.
    const records = await catalogLoaders(context).entityByRef.loadMany(refs.map(queryRef));
    return records.map((record): EntityRecord | null => {
      if (record instanceof Error) throw record;
      return record;
    });
  },
  // The total is counted in the page's statement when the query asks for it.
  entities: (_, args, context, info) =>
    listEntities(context.reads, args, catalogAccess(context).readable, {
      summary: asksOnlySummaryFields(info, ['edges', 'node']),
      count: selectsField(info, 'totalCount'),
    }),
  // Locations are a basic permission: without it the list is empty, not an error.
  locations: (_, __, context) => (catalogAccess(context).allows(CATALOG_ACTIONS.locationRead) ? listLocations(context.prisma) : []),
};

/** A ref as a client writes it, canonical; input that cannot name an entity is the caller's mistake. */
export function queryRef(ref: string): string {
  const canonical = normalizeEntityRef(ref);
  if (!canonical) throw new InputError(`"${ref}" is not an entity ref; expected kind:namespace/name or kind:name`);
  return canonical;
}
