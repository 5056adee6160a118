import type { WebhookFeed } from './webhookFeed';

/** How webhooks are registered and delivered; every bound has a default (docs/feed.md, Webhooks). */
export interface WebhookOptions {
  /** Hosts webhook URLs may point at: the catalog's `readAllowHosts` (CATALOG_READ_ALLOW). */
  allowHosts: readonly string[];
  /** Let URLs reach loopback addresses (tests, a receiver beside the catalog). Default false. */
  allowLoopback: boolean;
  /** Attempts before a delivery is given up (FAILED) and the next event of its entity goes. Default 8. */
  maxAttempts: number;
  /** First retry delay; each next one doubles, up to `backoffCapMs`. Defaults 1 s and 10 min. */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** A receiver that has not answered by then failed this attempt. Default 10 s. */
  timeoutMs: number;
  /** Deliveries of one webhook sent at once (each to a different entity). Default 4. */
  maxInFlight: number;
  /** Undelivered deliveries a webhook may hold before it stops taking new events. Default 1,000. */
  maxPending: number;
  /** Webhooks one registrant may hold. Default 25. */
  maxPerRegistrant: number;
  /** How often the worker looks for work without a hint. Default 5 s. */
  pollMs: number;
  /** How long a catalog replica holds a webhook it claimed. Default 30 s. */
  leaseMs: number;
  /** How long finished deliveries stay in the log (pruned hourly). Default 30 days. */
  logRetentionMs: number;
  /** The change feed; null turns the worker off (registration still works). */
  feed: WebhookFeed | null;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
  allowHosts: [],
  allowLoopback: false,
  maxAttempts: 8,
  backoffBaseMs: 1_000,
  backoffCapMs: 600_000,
  timeoutMs: 10_000,
  maxInFlight: 4,
  maxPending: 1_000,
  maxPerRegistrant: 25,
  pollMs: 5_000,
  leaseMs: 30_000,
  logRetentionMs: 30 * 24 * 3_600_000,
  feed: null,
};

/** The delay before attempt `attempts + 1`, after `attempts` failures: base·2^(attempts−1), capped. */
export function retryDelayMs(options: Pick<WebhookOptions, 'backoffBaseMs' | 'backoffCapMs'>, attempts: number): number {
  return Math.min(options.backoffCapMs, options.backoffBaseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}
