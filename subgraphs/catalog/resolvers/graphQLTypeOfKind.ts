/** Backstage kinds with a GraphQL type of their own; every other kind is a GenericEntity. */
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

export type EntityTypeName = (typeof TYPE_BY_KIND)[keyof typeof TYPE_BY_KIND] | 'GenericEntity';

/** The concrete GraphQL type of an entity of this kind (compared without case). */
export function graphQLTypeOfKind(kind: string): EntityTypeName {
  const lower = kind.toLowerCase();
  return Object.hasOwn(TYPE_BY_KIND, lower) ? TYPE_BY_KIND[lower as keyof typeof TYPE_BY_KIND] : 'GenericEntity';
}
