import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError, type DocumentNode } from 'graphql';
import { sha256Hex, type PersistedDocuments } from './persistedDocumentsManifest';

export interface PersistedDocumentsOptions {
  documents: PersistedDocuments;
  /** Refuse every operation whose text is not in the manifest (production). */
  require: boolean;
}

/**
 * The clients' operations as an allow-list. Clients may send only the hash
 * (`extensions.persistedQuery.sha256Hash`, Apollo's APQ shape): the manifest answers it.
 * With `require`, any other text is refused before it is planned. Nobody can add an
 * operation by registering it: the cache takes no writes.
 */
export function usePersistedDocuments(options: PersistedDocumentsOptions): {
  persistedQueries: { cache: KeyValueCache<string> };
  plugin: ApolloServerPlugin;
} {
  // Apollo prefixes the keys of this cache with `apq:`; the manifest is keyed by bare hash.
  // Registrations are dropped: an open APQ cache would let any caller grow the gateway's
  // memory, and the manifest already holds every operation the clients send.
  const cache: KeyValueCache<string> = {
    get: async (key) => options.documents.get(key.replace(/^apq:/, '')),
    set: async () => undefined,
    delete: async () => undefined,
  };
  // The answer per parsed document (Apollo Server hands every request with the same text
  // the same one), so a repeated operation is not hashed again.
  const registered = new WeakMap<DocumentNode, boolean>();
  const isRegistered = (document: DocumentNode, source: string) => {
    let known = registered.get(document);
    if (known === undefined) registered.set(document, (known = options.documents.has(sha256Hex(source))));
    return known;
  };
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        // Errors thrown here reach the client as they are (code, HTTP status); the operation
        // is refused before it is planned or any subgraph is called.
        async didResolveOperation({ source, document }) {
          if (options.require && !isRegistered(document, source)) {
            throw new GraphQLError('Only the registered operations of the Ensemble clients are accepted here', {
              extensions: { code: 'PERSISTED_QUERY_REQUIRED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
  return { persistedQueries: { cache }, plugin };
}
