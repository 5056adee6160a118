import type { FeedPositions } from '../../kit';

/** True when `positions` has already passed this source's position: the event was seen. */
export function alreadySeen(positions: FeedPositions, source: string, position: number): boolean {
  return position <= (positions[source] ?? 0);
}
