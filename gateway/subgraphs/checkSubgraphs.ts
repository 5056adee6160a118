import type { Fetcher } from './createSubgraphFetcher';

export type SubgraphStatus = 'ok' | 'unavailable';

/**
 * Asks every subgraph for `{ __typename }` (signed, through the gateway's own fetcher, so
 * a wrong secret shows up here too) and reports each one's state by name, never its URL.
 */
export async function checkSubgraphs(subgraphs: ReadonlyMap<string, string>, fetcher: Fetcher): Promise<Record<string, SubgraphStatus>> {
  const body = JSON.stringify({ query: '{ __typename }' });
  const results = await Promise.all(
    [...subgraphs].map(async ([name, url]) => {
      try {
        const response = await fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const answer = response.ok ? (response.json() as { data?: { __typename?: string } }) : undefined;
        return [name, answer?.data?.__typename ? 'ok' : 'unavailable'] as const;
      } catch {
        return [name, 'unavailable'] as const;
      }
    }),
  );
  return Object.fromEntries(results);
}
