import DataLoader from 'dataloader';
import { requestScoped } from '../../kit';
import type { CatalogContext } from './context';
import type { EntityRecord } from './data/entityRecord';
import { findEntitiesByRefs } from './data/findEntitiesByRefs';
import { findReachableEntities, type ReachQuery } from './data/findReachableEntities';
import { findRelationsBySources } from './data/findRelationsBySources';
import type { RelationRecord } from './data/relationRecord';

/**
 * The catalog's request-scoped loaders: however many entities a response holds, one
 * query loads them by ref, one loads their relations, and one answers each transitive
 * field (per distinct arguments).
 */
export const catalogLoaders = requestScoped((context: CatalogContext) => ({
  entityByRef: new DataLoader<string, EntityRecord | null>((refs) => findEntitiesByRefs(context.prisma, refs)),
  relationsBySource: new DataLoader<string, RelationRecord[]>((refs) => findRelationsBySources(context.prisma, refs)),
  reachable: loaderPerArguments<ReachQuery, EntityRecord[]>((query) => (refs) => findReachableEntities(context.prisma, refs, query)),
}));

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
