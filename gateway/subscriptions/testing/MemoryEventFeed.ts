import type { EventFeed, FeedEvent } from '../EventFeed';
import { decodeFeedCursor, encodeFeedCursor } from '../../../kit';

/**
 * An in-memory merged feed for tests: events appended per source get the next position of
 * that source, and reads return them in append order, as a merged feed keeps each source's order.
 */
export class MemoryEventFeed implements EventFeed {
  private readonly events: FeedEvent[] = [];
  private readonly positions: Record<string, number> = {};
  private readonly listeners = new Set<() => void>();
  reads = 0;

  append(source: string, ref: string, change = 'UPDATED', fields: string[] = []): FeedEvent {
    this.positions[source] = (this.positions[source] ?? 0) + 1;
    const event = { source, position: this.positions[source], ref, change, fields, recordedAt: new Date().toISOString(), cursor: encodeFeedCursor({ ...this.positions }) };
    this.events.push(event);
    for (const listener of this.listeners) listener();
    return event;
  }

  async head(): Promise<string> {
    return encodeFeedCursor({ ...this.positions });
  }

  async read(cursor: string, limit: number): Promise<{ events: FeedEvent[]; cursor: string }> {
    this.reads += 1;
    const after = decodeFeedCursor(cursor);
    const events = this.events.filter((event) => event.position > (after[event.source] ?? 0)).slice(0, limit);
    return { events, cursor: events.at(-1)?.cursor ?? cursor };
  }

  onEvents(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
