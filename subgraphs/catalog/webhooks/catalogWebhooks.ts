import { ALLOW_ALL_POLICY, type EventSource, type Policy, type SqlReads } from '../../../kit';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { createCatalogEventFeed } from './catalogEventFeed';
import { DEFAULT_WEBHOOK_OPTIONS, type WebhookOptions } from './webhookOptions';
import { startWebhookWorker, type WebhookWorker } from './webhookWorker';

/** How often a catalog without webhooks looks whether another replica registered one. */
const IDLE_CHECK_MS = 60_000;

interface WorkerDeps {
  prisma: PrismaClient;
  reads: SqlReads;
  policy?: Policy;
  log: (line: string) => void;
}

/** The catalog's webhooks: their options for resolvers, and the worker once started. */
export interface CatalogWebhooks {
  readonly options: WebhookOptions;
  /** Null until there is a webhook to work for, and when there is no feed to deliver from. */
  readonly worker: WebhookWorker | null;
  /** Starts the worker if any webhook is registered, else (on a shared database) looks again now and then (afterStart). */
  start(deps: WorkerDeps): void;
  /** Starts the worker now (a webhook was just registered here). */
  ensureRunning(): void;
  /** Plugins' event sources, once they run (the module's `useEventSources`). */
  addSources(sources: readonly EventSource[]): void;
  stop(): Promise<void>;
}

/**
 * `own` is the catalog's event log. Without a `feed` in `given` the webhooks read the
 * merged feed of it and the plugins' sources added later (`feed: null` turns delivery off).
 * A catalog nobody registered a webhook with runs no worker, so it sends no queries of its
 * own between requests (tests that count a request's queries rely on that); `shared` says
 * other processes may use the database (PostgreSQL), so it looks every minute for webhooks
 * registered through them.
 */
export function createCatalogWebhooks(own: EventSource, shared: boolean, given: Partial<WebhookOptions>): CatalogWebhooks {
  const merged = 'feed' in given ? null : createCatalogEventFeed(own);
  const options: WebhookOptions = { ...DEFAULT_WEBHOOK_OPTIONS, feed: merged, ...given };
  let worker: WebhookWorker | null = null;
  let deps: WorkerDeps | null = null;
  let idle: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = () => {
    if (worker || !deps || !options.feed || stopped) return;
    clearInterval(idle);
    const { prisma, reads, policy, log } = deps;
    // The same policy requests are decided with; without one configured everything is allowed, as for requests.
    worker = startWebhookWorker({ prisma, reads, policy: policy ?? ALLOW_ALL_POLICY, feed: options.feed, options, log });
  };
  const runIfAny = async () => {
    if (!deps || worker) return;
    try {
      if (await deps.prisma.webhook.count({ take: 1 })) run();
    } catch (error) {
      deps.log(`webhooks: could not look for webhooks: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    options,
    get worker() {
      return worker;
    },
    start(given) {
      if (!options.feed) return;
      deps = given;
      void runIfAny();
      if (!shared) return;
      idle = setInterval(() => void runIfAny(), Math.max(IDLE_CHECK_MS, options.pollMs));
      idle.unref();
    },
    ensureRunning: run,
    addSources(sources) {
      merged?.addSources(sources);
    },
    async stop() {
      stopped = true;
      clearInterval(idle);
      await worker?.stop();
      worker = null;
    },
  };
}
