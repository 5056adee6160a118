import DataLoader from 'dataloader';
import { requestScoped } from '../../kit';
import type { CatalogContext } from './context';
import type { EntityRecord } from './data/entityRecord';
import { findEntitiesByRefs } from './data/findEntitiesByRefs';
import { findReachableEntities, type ReachQuery } from './data/findReachableEntities';
import { findRelationsBySources } from './data/findRelationsBySources';
import type { RelationRecord } from './data/relationRecord';
import { catalogAccess } from './permissions/catalogAccess';

/**
 * The catalog's request-scoped loaders: however many entities a response holds, one
 * query loads them by ref, one loads their relations, and one answers each transitive
 * field (per distinct arguments), each with the caller's read permission in its SQL.
 */
export const catalogLoaders = requestScoped((context: CatalogContext) => {
  // Every load sees only what the caller may read: lookups (and so `_entities`), relation
  // targets and walks. A hidden entity loads as null, like a missing one.
  const { readable } = catalogAccess(context);
  return {
    entityByRef: new DataLoader<string, EntityRecord | null>((refs) => findEntitiesByRefs(context.reads, refs, readable)),
    relationsBySource: new DataLoader<string, RelationRecord[]>((refs) => findRelationsBySources(context.reads, refs, readable)),
    reachable: loaderPerArguments<ReachQuery, EntityRecord[]>(
      (query) => (refs) => findReachableEntities(context.reads, refs, query, readable),
    ),
  };
});

/** A DataLoader of refs for each distinct argument value (compared as JSON). */
function loaderPerArguments<Args, Value>(batch: (args: Args) => DataLoader.BatchLoadFn<string, Value>): (args: Args) => DataLoader<string, Value> {
  const loaders = new Map<string, DataLoader<string, Value>>();
  return (args) => {
    const id = JSON.stringify(args);
    let loader = loaders.get(id);
    if (!loader) {
      loader = new DataLoader(batch(args));
      loaders.set(id, loader);
    }
    return loader;
  };
}
