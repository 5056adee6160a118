import { allowsAcrossCatalog, InputError } from '../../../kit';
import { findDocPage } from '../data/findDocPage';
import { searchDocPages } from '../data/searchDocPages';
import type { QueryResolvers } from '../generated/resolvers';
import { normalizeEntityRef } from '../model/normalizeEntityRef';

export const MAX_SEARCH_HITS = 100;
/**
 * Longest search text, in characters: far more than anyone types into a search box, and
 * short enough that parsing and ranking it costs little (a 900 KB query once held the
 * whole process for minutes).
 */
export const MAX_SEARCH_QUERY = 500;

export function checkSearchPage(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_HITS) {
    throw new InputError(`"first" must be between 1 and ${MAX_SEARCH_HITS}, got ${first}`);
  }
  return first;
}

/** The plugin's read action; its root queries need it, and catalog reads, allowed outright. */
export const TECHDOCS_READ = 'techdocs.docs.read';

export const Query: QueryResolvers = {
  searchDocs: async (_, { query, first }, context) => {
    const page = checkSearchPage(first ?? 20);
    // Refused looks like no match: a search must not reveal docs of entities the caller cannot see.
    if (!allowsAcrossCatalog(context, TECHDOCS_READ)) return [];
    // A blank search matches nothing rather than everything.
    return query.trim() ? searchDocPages(context.reads, query, page) : [];
  },
  docPage: (_, { entityRef, path }, context) =>
    allowsAcrossCatalog(context, TECHDOCS_READ) ? findDocPage(context.prisma, normalizeEntityRef(entityRef), path) : null,
};
