import type { ApolloServerPlugin } from '@apollo/server';

/** The response header naming the supergraph version a request started on. */
export const SUPERGRAPH_VERSION_HEADER = 'ensemble-supergraph-version';

/**
 * Adds the supergraph version to every GraphQL response. The version is read when the
 * request starts, as Apollo Server picks the schema it runs the request on.
 */
export function supergraphVersionHeader(version: () => number | null): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const at = version();
      return {
        async willSendResponse({ response }) {
          if (at !== null) response.http.headers.set(SUPERGRAPH_VERSION_HEADER, String(at));
        },
      };
    },
  };
}
