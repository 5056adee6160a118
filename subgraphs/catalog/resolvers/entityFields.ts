import type { CatalogContext } from '../context';
import { descriptorOf, type EntityRecord } from '../data/entityRecord';
import { catalogLoaders } from '../loaders';
import { reachableFields } from './reachableFields';

/**
 * The fields every kind shares, resolved from the stored descriptor, plus the federation
 * entry point. Spread into each kind's resolvers: GraphQL wants them per concrete type.
 */
export const entityFields = {
  __resolveReference: (reference: { ref: string }, context: CatalogContext) =>
    catalogLoaders(context).entityByRef.load(reference.ref),
  kind: (record: EntityRecord) => descriptorOf(record).kind,
  name: (record: EntityRecord) => descriptorOf(record).metadata.name,
  apiVersion: (record: EntityRecord) => descriptorOf(record).apiVersion,
  title: (record: EntityRecord) => descriptorOf(record).metadata.title ?? null,
  description: (record: EntityRecord) => descriptorOf(record).metadata.description ?? null,
  tags: (record: EntityRecord) => descriptorOf(record).metadata.tags ?? [],
  labels: (record: EntityRecord) => keyValues(descriptorOf(record).metadata.labels),
  // An orphan carries Backstage's annotation, so clients that know Backstage need nothing new.
  annotations: (record: EntityRecord) =>
    keyValues({ ...descriptorOf(record).metadata.annotations, ...(record.orphanedAt ? { 'backstage.io/orphan': 'true' } : {}) }),
  links: (record: EntityRecord) => descriptorOf(record).metadata.links ?? [],
  spec: (record: EntityRecord) => descriptorOf(record).spec ?? null,
  relations: async (record: EntityRecord, args: { type?: string | null }, context: CatalogContext) => {
    const relations = await catalogLoaders(context).relationsBySource.load(record.ref);
    return args.type ? relations.filter((relation) => relation.type === args.type) : relations;
  },
  related: reachableFields.related,
};

function keyValues(map: Record<string, string> | undefined) {
  return Object.entries(map ?? {}).map(([key, value]) => ({ key, value }));
}
