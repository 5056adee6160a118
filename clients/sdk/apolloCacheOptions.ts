import { possibleTypes } from '../generated/possibleTypes';

/**
 * What Apollo Client's InMemoryCache needs to cache this graph: `possibleTypes` (generated
 * from the composed schema), and entities normalised by `ref`, their key (they have no
 * `id`). `new InMemoryCache(apolloCacheOptions)`.
 */
export const apolloCacheOptions = {
  possibleTypes,
  typePolicies: Object.fromEntries(['Entity', ...possibleTypes.Entity].map((type) => [type, { keyFields: ['ref'] }])),
};
