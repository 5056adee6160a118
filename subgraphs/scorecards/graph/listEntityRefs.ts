import { InputError } from '../../../kit';
import { GraphUnavailableError, type GraphClient } from './graphClient';
import type { GraphResponse } from './graphResponse';

const PAGE = 500;

const LIST = `query ScorecardEntities($kinds: [String!]!, $first: Int!, $after: String) {
  entities(filter: { kind: $kinds }, first: $first, after: $after) {
    totalCount
    edges { node { ref } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ListPage {
  totalCount: number;
  edges: { node: { ref: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface ListData {
  entities?: ListPage | null;
}

/**
 * The refs of every catalog entity of these kinds, read from the gateway a page of 500
 * at a time. Refuses (InputError) more than `max`, before reading past the first page.
 * Throws GraphUnavailableError when the catalog cannot be listed.
 */
export async function listEntityRefs(graph: GraphClient, kinds: readonly string[], max: number): Promise<string[]> {
  const refs: string[] = [];
  let after: string | null = null;
  do {
    const response: GraphResponse<ListData> = await graph.query<ListData>(LIST, { kinds, first: PAGE, after });
    const page: ListPage | null | undefined = response.data?.entities;
    if (!page) throw new GraphUnavailableError(`the catalog could not be listed: ${response.errors?.[0]?.message ?? 'no data'}`);
    if (page.totalCount > max) {
      throw new InputError(`${page.totalCount} entities to score, more than ${max}: narrow the roll-up with "kind"`);
    }
    refs.push(...page.edges.map((edge) => edge.node.ref));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return refs;
}
