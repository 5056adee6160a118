import DataLoader from 'dataloader';
import { requestScoped } from '../../kit';
import type { CatalogContext } from './context';
import type { EntityRecord } from './data/entityRecord';
import { findEntitiesByRefs } from './data/findEntitiesByRefs';
import { findRelationsBySources } from './data/findRelationsBySources';
import type { RelationRecord } from './data/relationRecord';

/**
 * The catalog's request-scoped loaders: however many entities a response holds, one
 * query loads them by ref and one loads their relations.
 */
export const catalogLoaders = requestScoped((context: CatalogContext) => ({
  entityByRef: new DataLoader<string, EntityRecord | null>((refs) => findEntitiesByRefs(context.prisma, refs)),
  relationsBySource: new DataLoader<string, RelationRecord[]>((refs) => findRelationsBySources(context.prisma, refs)),
}));
