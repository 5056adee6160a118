import type { CatalogContext } from '../context';
import { relationsFrom } from '../changes/historicalRecord';
import { descriptorOf, type EntityRecord } from '../data/entityRecord';
import { catalogLoaders } from '../loaders';
import { checkRepresentation } from './checkRepresentation';
import { reachableFields } from './reachableFields';

/**
 * The fields every kind shares, resolved from the stored descriptor, plus the federation
 * entry point. Spread into each kind's resolvers: GraphQL wants them per concrete type.
 */
export const entityFields = {
  // Async so that a refused representation fails its own item, not the whole `_entities`.
  __resolveReference: async (reference: { __typename?: unknown; ref?: unknown }, context: CatalogContext) =>
    catalogLoaders(context).entityByRef.load(checkRepresentation(reference)),
  kind: (record: EntityRecord) => descriptorOf(record).kind,
  name: (record: EntityRecord) => descriptorOf(record).metadata.name,
  apiVersion: (record: EntityRecord) => descriptorOf(record).apiVersion,
  title: (record: EntityRecord) => descriptorOf(record).metadata.title ?? null,
  description: (record: EntityRecord) => descriptorOf(record).metadata.description ?? null,
  tags: (record: EntityRecord) => descriptorOf(record).metadata.tags ?? [],
  labels: (record: EntityRecord) => keyValues(descriptorOf(record).metadata.labels),
  annotations: (record: EntityRecord) =>
    keyValues({ ...withoutLocationAnnotations(descriptorOf(record).metadata.annotations), ...ingestionAnnotations(record), ...orphanAnnotation(record) }),
  links: (record: EntityRecord) => descriptorOf(record).metadata.links ?? [],
  spec: (record: EntityRecord) => descriptorOf(record).spec ?? null,
  relations: async (record: EntityRecord, args: { type?: string | null }, context: CatalogContext) => {
    const relations = await relationsFrom(record, context);
    return args.type ? relations.filter((relation) => relation.type === args.type) : relations;
  },
  related: reachableFields.related,
};

const LOCATION_ANNOTATIONS = ['backstage.io/managed-by-location', 'backstage.io/managed-by-origin-location'];

/**
 * What Backstage's catalog adds to every entity it reads: where it was read from
 * (`file:<path>` or `url:<url>`). Plugins use it, e.g. techdocs resolves `dir:` docs
 * relative to it, so only the catalog says it: a descriptor's own value is dropped
 * (anyone who may write a descriptor could otherwise point it at any folder).
 */
function ingestionAnnotations(record: EntityRecord): Record<string, string> {
  if (!record.sourceFile) return {};
  const location = `${/^https?:\/\//.test(record.sourceFile) ? 'url' : 'file'}:${record.sourceFile}`;
  return { 'backstage.io/managed-by-location': location, 'backstage.io/managed-by-origin-location': location };
}

function withoutLocationAnnotations(annotations: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!annotations || !LOCATION_ANNOTATIONS.some((key) => key in annotations)) return annotations;
  return Object.fromEntries(Object.entries(annotations).filter(([key]) => !LOCATION_ANNOTATIONS.includes(key)));
}

/** An orphan carries Backstage's annotation, so clients that know Backstage need nothing new. */
function orphanAnnotation(record: EntityRecord): Record<string, string> {
  return record.orphanedAt ? { 'backstage.io/orphan': 'true' } : {};
}

function keyValues(map: Record<string, string> | undefined) {
  return Object.entries(map ?? {}).map(([key, value]) => ({ key, value }));
}
