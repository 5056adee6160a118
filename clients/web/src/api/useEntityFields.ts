import { useMemo } from 'react';
import { TypedDocumentString } from '../../../generated/graphql';
import { useGraphQL, type QueryState } from './useGraphQL';

export type EntityFields = { entity: ({ ref: string } & Record<string, unknown>) | null };

/**
 * Fields of one entity that no generated type knows (a plugin's, read from GET /plugins),
 * asked as plain GraphQL text under `entity(ref)`. An empty selection asks nothing.
 */
export function useEntityFields(entityRef: string, selection: string): QueryState<EntityFields> {
  const document = useMemo(
    () => new TypedDocumentString<EntityFields, { ref: string }>(`query WebPluginFields($ref: ID!) {\n  entity(ref: $ref) {\n    ref\n    ${selection}\n  }\n}`),
    [selection],
  );
  return useGraphQL(document, { ref: entityRef });
}
