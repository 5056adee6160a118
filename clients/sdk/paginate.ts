import type { ClientError } from './clientErrors';
import type { Result } from './result';

/** The part of a Relay connection pagination needs. */
export interface Connection<Node> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Node }[];
}

/**
 * One page: its nodes, and the error that came with them when the page is partial (nodes
 * present, some fields failed), or when the page failed outright (no nodes; the last page).
 */
export type Page<Node> = { nodes: Node[]; error?: ClientError };

/**
 * Fetches pages one at a time, only when the consumer asks for the next one, so a
 * consumer that writes each page out holds one page at a time whatever the total. Stops
 * after the last page, after `limit` nodes, or after a page that came back without its
 * connection (it is yielded, with its error, so the consumer sees why).
 */
export async function* paginate<Data, Node>(
  fetchPage: (after: string | null, first: number) => Promise<Result<Data>>,
  connectionOf: (data: Data) => Connection<Node> | null | undefined,
  options: { pageSize: number; limit?: number },
): AsyncGenerator<Page<Node>> {
  let after: string | null = null;
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;
  while (remaining > 0) {
    const result = await fetchPage(after, Math.min(options.pageSize, remaining));
    const connection = result.data ? connectionOf(result.data) : null;
    if (!connection) {
      yield { nodes: [], error: result.ok ? undefined : result.error };
      return;
    }
    const nodes = connection.edges.slice(0, remaining).map((edge) => edge.node);
    remaining -= nodes.length;
    yield result.ok ? { nodes } : { nodes, error: result.error };
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
    after = connection.pageInfo.endCursor;
  }
}
