import { ALLOW_ALL_POLICY, type EventSource, type Policy, type SqlReads } from '../../../kit';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { createCatalogEventFeed } from './catalogEventFeed';
import { DEFAULT_WEBHOOK_OPTIONS, type WebhookOptions } from './webhookOptions';
import { startWebhookWorker, type WebhookWorker } from './webhookWorker';

/** The catalog's webhooks: their options for resolvers, and the worker once started. */
export interface CatalogWebhooks {
  readonly options: WebhookOptions;
  /** Null until started, and when there is no feed to deliver from. */
  readonly worker: WebhookWorker | null;
  start(deps: { prisma: PrismaClient; reads: SqlReads; policy?: Policy; log: (line: string) => void }): void;
  /** Plugins' event sources, once they run (the module's `useEventSources`). */
  addSources(sources: readonly EventSource[]): void;
  stop(): Promise<void>;
}

/**
 * `own` is the catalog's event log; without a `feed` in `given` the webhooks read the
 * merged feed of it and the plugins' sources added later (`feed: null` turns delivery off).
 */
export function createCatalogWebhooks(own: EventSource, given: Partial<WebhookOptions>): CatalogWebhooks {
  const merged = 'feed' in given ? null : createCatalogEventFeed(own);
  const options: WebhookOptions = { ...DEFAULT_WEBHOOK_OPTIONS, feed: merged, ...given };
  let worker: WebhookWorker | null = null;
  return {
    options,
    get worker() {
      return worker;
    },
    start({ prisma, reads, policy, log }) {
      if (!options.feed || worker) return;
      // The same policy requests are decided with; without one configured everything is allowed, as for requests.
      worker = startWebhookWorker({ prisma, reads, policy: policy ?? ALLOW_ALL_POLICY, feed: options.feed, options, log });
    },
    addSources(sources) {
      merged?.addSources(sources);
    },
    async stop() {
      await worker?.stop();
      worker = null;
    },
  };
}
