import { createMergedFeed, decodeFeedCursor, encodeFeedCursor, onEvents, type EventSource, type MergedFeed } from '../../../kit';
import type { WebhookFeed } from './webhookFeed';

/** The most event sources a catalog's webhooks read (the catalog and its plugins). */
const MAX_SOURCES = 50;

/**
 * The webhooks' feed: kit/events' merged feed over the catalog's own event log and the
 * sources of plugins that publish events, added once they run (`addSources`, called by
 * the entry point through the module's `useEventSources`). A webhook's cursor that does
 * not name a source yet starts that source at its head, so a plugin that joins later
 * does not replay its whole history into existing webhooks.
 */
export function createCatalogEventFeed(own: EventSource): WebhookFeed & { addSources(sources: readonly EventSource[]): void } {
  const sources = new Map<string, EventSource>([[own.name, own]]);
  let merged: MergedFeed = createMergedFeed([own]);
  return {
    addSources(added) {
      for (const source of added) if (!sources.has(source.name) && sources.size < MAX_SOURCES) sources.set(source.name, source);
      merged = createMergedFeed([...sources.values()]);
    },
    async head() {
      return merged.start();
    },
    async read(after, limit) {
      const known = after ? decodeFeedCursor(after) : {};
      const positions = Object.fromEntries([...Object.entries(known), ...merged.sources.filter((name) => !(name in known)).map((name) => [name, -1])]);
      const page = await merged.read(encodeFeedCursor(positions), { limit });
      return {
        events: page.events.map(({ cursor, source, change, ref, fields, entity, recordedAt }) => ({ cursor, source, change, ref, fields, entity, recordedAt })),
        cursor: page.cursor,
      };
    },
    onEvents: (listener) => onEvents(() => listener()),
  };
}
