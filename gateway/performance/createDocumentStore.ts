import type { DocumentNode } from 'graphql';

/** What Apollo Server asks of its `documentStore` (its KeyValueCache<DocumentNode>). */
export interface DocumentStore {
  get(key: string): Promise<DocumentNode | undefined>;
  set(key: string, value: DocumentNode): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/** Ensemble's document store: Apollo Server's cache, and a way to hand it a document built without parsing. */
export interface TemplatedDocumentStore extends DocumentStore {
  /**
   * The document Apollo Server's next lookup of this query hash answers with, once, instead
   * of parsing and validating the text (templates/createDocumentTemplates.ts builds it).
   */
  provide(queryHash: string, document: DocumentNode): void;
}

/**
 * Apollo Server's cache of parsed, validated documents, sized by the length of each
 * document's text. Apollo's default sizes every new document with `JSON.stringify` of its
 * syntax tree (InMemoryLRUCache), a cost a script sending a new text per request pays on
 * every one, and keeps 30 MiB of such trees alive for the collector to walk. Least
 * recently used documents leave first.
 */
export function createDocumentStore(options: { maxCharacters?: number } = {}): TemplatedDocumentStore {
  const maxCharacters = options.maxCharacters ?? 2 ** 21;
  const documents = new Map<string, { document: DocumentNode; size: number }>();
  // Taken by the lookup that follows at once; a bound keeps a lookup that never came from piling up.
  const provided = new Map<string, DocumentNode>();
  let size = 0;
  const remove = (key: string) => {
    const entry = documents.get(key);
    if (!entry) return false;
    documents.delete(key);
    size -= entry.size;
    return true;
  };
  return {
    get: async (key) => {
      const built = provided.size > 0 ? takeProvided(key) : undefined;
      const entry = documents.get(key);
      if (!entry) return built;
      // Most recently used last: the Map's order is the eviction order.
      documents.delete(key);
      documents.set(key, entry);
      return entry.document;
    },
    set: async (key, document) => {
      remove(key);
      const entry = { document, size: Math.max(1, document.loc?.end ?? 1) };
      if (entry.size > maxCharacters) return;
      documents.set(key, entry);
      size += entry.size;
      for (const oldest of documents.keys()) {
        if (size <= maxCharacters) break;
        remove(oldest);
      }
    },
    delete: async (key) => remove(key),
    provide: (queryHash, document) => {
      if (provided.size >= 1_000) provided.clear();
      provided.set(queryHash, document);
    },
  };

  /** Apollo Server's keys are `<schema hash>:<query hash>`. */
  function takeProvided(key: string): DocumentNode | undefined {
    const queryHash = key.slice(key.lastIndexOf(':') + 1);
    const document = provided.get(queryHash);
    provided.delete(queryHash);
    return document;
  }
}
