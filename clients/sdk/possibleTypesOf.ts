import { buildSchema, isAbstractType } from 'graphql';

/**
 * Apollo Client's `possibleTypes` for a schema: every interface and union with the object
 * types that implement it. Without it, a fragment on an interface (`... on Entity`) matches
 * nothing in Apollo's cache and comes back as `{ __typename }` only, with no error.
 * `npm run generate` writes the graph's into clients/generated/possibleTypes.ts.
 */
export function possibleTypesOf(schemaSdl: string): Record<string, string[]> {
  const schema = buildSchema(schemaSdl);
  const possibleTypes: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || type.name.startsWith('__')) continue;
    possibleTypes[type.name] = schema.getPossibleTypes(type).map((possible) => possible.name).sort();
  }
  return possibleTypes;
}
