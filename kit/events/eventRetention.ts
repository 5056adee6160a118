import { pruneEvents, type EventWriter } from './eventLog';

/** How long a source keeps its events unless its module says otherwise: 30 days. */
export const DEFAULT_EVENT_RETENTION_MS = 30 * 24 * 60 * 60_000;

/** How often old events are pruned. */
const PRUNE_EVERY_MS = 60 * 60_000;

/**
 * Prunes a source's events older than `retentionMs` at once and then hourly (startSubgraph
 * runs it for every module with `events`); returns the stop. A failed prune is logged and
 * tried again next time.
 */
export function pruneEventsEvery(sql: EventWriter, retentionMs: number, log: (line: string) => void): () => void {
  const prune = () =>
    pruneEvents(sql, new Date(Date.now() - retentionMs)).then(
      (removed) => removed > 0 && log(`pruned ${removed} change-feed events older than the retention`),
      (error: unknown) => log(`could not prune change-feed events: ${error instanceof Error ? error.message : String(error)}`),
    );
  void prune();
  const timer = setInterval(() => void prune(), PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
