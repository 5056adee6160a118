import type { WebhookEvent, WebhookFeed } from '../webhookFeed';

/**
 * A WebhookFeed over events a test appends, with the contract's semantics (cursor after
 * each event, reads after a cursor, head, wake-up hints): it tests the worker's ordering,
 * retries and permissions apart from how kit/events stores events.
 */
export function createMemoryFeed() {
  const events: WebhookEvent[] = [];
  const listeners = new Set<() => void>();
  const feed: WebhookFeed = {
    async read(after, limit) {
      const start = after === null ? events.length : Number(after);
      const page = events.slice(start, start + limit);
      return { events: page, cursor: page.at(-1)?.cursor ?? String(start) };
    },
    async head() {
      return String(events.length);
    },
    onEvents(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    feed,
    /** The cursor of the last event appended. */
    head: () => String(events.length),
    append(...added: Omit<WebhookEvent, 'cursor' | 'recordedAt' | 'source' | 'fields'>[]) {
      for (const event of added) events.push({ source: 'catalog', fields: [], recordedAt: new Date().toISOString(), ...event, cursor: String(events.length + 1) });
      for (const listener of listeners) listener();
    },
  };
}
