import type { EntityResolvers } from '../generated/resolvers';
import type { EntityRecord } from '../data/entityRecord';
import { entityFields } from './entityFields';
import { graphQLTypeOfKind } from './graphQLTypeOfKind';

export function graphQLTypeOf(record: EntityRecord) {
  return graphQLTypeOfKind(record.kind);
}

export const Entity: EntityResolvers = {
  __resolveType: graphQLTypeOf,
  __resolveReference: entityFields.__resolveReference,
};
