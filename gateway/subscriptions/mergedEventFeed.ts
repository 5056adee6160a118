import { createMergedFeed, listenForEvents, onEvents, type EventSource, type EventsListening, type MergedFeed } from '../../kit';
import type { EventFeed } from './EventFeed';

export interface MergedEventFeedOptions {
  /** The event sources: in process (`RunningSubgraph.events`) or `eventsOverHttp` (signed `POST /events`). */
  sources: () => readonly EventSource[];
  /**
   * PostgreSQL databases whose `NOTIFY ensemble_events` wakes the gateway when the writers
   * run in other processes. In process, writers' `announceEvents` wakes it anyway.
   */
  listen?: string[];
  log: (line: string) => void;
}

/**
 * kit/events' merged feed as delivery reads it. The sources are asked for when the feed is
 * first read (the gateway may start before the subgraphs it reads them from); a source that
 * is down is logged and only its events wait.
 */
export function mergedEventFeed(options: MergedEventFeedOptions): EventFeed {
  let merged: MergedFeed | undefined;
  const feed = () => (merged ??= createMergedFeed(options.sources()));
  const listenings: Promise<EventsListening | undefined>[] = [];
  const listeners = new Set<() => void>();
  const wakeAll = () => listeners.forEach((listener) => listener());
  for (const databaseUrl of options.listen ?? []) {
    listenings.push(
      listenForEvents(databaseUrl, wakeAll, { log: options.log }).catch((error: unknown) => {
        // Polling still delivers, only later.
        options.log(`subscriptions: cannot LISTEN for events (${error instanceof Error ? error.message : String(error)}); polling only`);
        return undefined;
      }),
    );
  }
  const unsubscribe = onEvents(wakeAll);
  const unavailable = new Set<string>();
  return {
    head: () => feed().start(),
    read: async (cursor, limit) => {
      const page = await feed().read(cursor, { limit });
      for (const { source, reason } of page.unavailable) {
        if (!unavailable.has(source)) options.log(`subscriptions: events of ${source} unavailable (${reason}); its events wait`);
      }
      unavailable.clear();
      page.unavailable.forEach(({ source }) => unavailable.add(source));
      return {
        events: page.events.map(({ source, position, ref, change, fields, recordedAt, cursor: after }) => ({ source, position, ref, change, fields, recordedAt, cursor: after })),
        cursor: page.cursor,
      };
    },
    onEvents: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      unsubscribe();
      for (const listening of await Promise.all(listenings)) await listening?.close();
    },
  };
}
