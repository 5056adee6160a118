import { encodeFeedCursor, decodeFeedCursor } from '../../kit';
import type { FeedEvent } from './EventFeed';
import type { RunAsSubscriber } from './resolveBatch';

const CHANGES_QUERY = `query EntityChangedGone($after: String, $filter: EntityFilter, $first: Int) {
  changes(after: $after, filter: $filter, first: $first) { nodes { cursor } }
}`;

/**
 * Which of a batch's catalog events of deleted (or orphaned and removed) entities the
 * subscriber may see: the catalog's own `changes`, which decides by the entity's snapshot
 * and applies the filter to it. One query for the batch's range of catalog positions.
 */
export async function catalogChangesVisibility(run: RunAsSubscriber, filter: unknown, events: FeedEvent[]): Promise<Set<FeedEvent>> {
  const catalog = events.filter((event) => event.source === 'catalog');
  if (catalog.length === 0) return new Set();
  const positions = catalog.map((event) => event.position);
  const from = Math.min(...positions);
  const first = Math.min(Math.max(...positions) - from + 1, 1_000);
  const result = await run(CHANGES_QUERY, { after: encodeFeedCursor({ catalog: from - 1 }), filter, first });
  const nodes = (result.data as { changes?: { nodes?: { cursor: string }[] } } | null | undefined)?.changes?.nodes ?? [];
  const visible = new Set(nodes.map((node) => decodeFeedCursor(node.cursor).catalog));
  return new Set(catalog.filter((event) => visible.has(event.position)));
}
