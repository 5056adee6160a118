import type { EntityResolvers } from '../generated/resolvers';
import type { EntityRecord } from '../data/entityRecord';
import { entityFields } from './entityFields';

/** Backstage kinds with a type of their own; every other kind is a GenericEntity. */
const TYPE_BY_KIND = {
  component: 'Component',
  api: 'API',
  system: 'System',
  domain: 'Domain',
  resource: 'Resource',
  group: 'Group',
  user: 'User',
  location: 'Location',
  template: 'Template',
} as const;

export function graphQLTypeOf(record: EntityRecord) {
  return TYPE_BY_KIND[record.kind as keyof typeof TYPE_BY_KIND] ?? 'GenericEntity';
}

export const Entity: EntityResolvers = {
  __resolveType: graphQLTypeOf,
  __resolveReference: entityFields.__resolveReference,
};
