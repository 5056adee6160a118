import { pruneEvents } from '../../../kit';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';

/** CATALOG_EVENTS_RETENTION_DAYS's default: 30 days. */
export const DEFAULT_EVENT_RETENTION_MS = 30 * 24 * 60 * 60_000;

/** How often old events are pruned. */
const PRUNE_EVERY_MS = 60 * 60_000;

/** Removes events (and so history) older than the retention; how many went. */
export function pruneCatalogEvents(prisma: PrismaClient, retentionMs: number, now = Date.now()): Promise<number> {
  return pruneEvents(prisma, new Date(now - retentionMs));
}

/** Prunes at start and then hourly; returns the stop. A failed prune is logged and tried again next time. */
export function pruneEventsEvery(prisma: PrismaClient, retentionMs: number, log: (line: string) => void): () => void {
  const prune = () =>
    pruneCatalogEvents(prisma, retentionMs).then(
      (removed) => removed > 0 && log(`catalog: pruned ${removed} change-feed events older than the retention`),
      (error: unknown) => log(`catalog: could not prune change-feed events: ${error instanceof Error ? error.message : String(error)}`),
    );
  void prune();
  const timer = setInterval(() => void prune(), PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
