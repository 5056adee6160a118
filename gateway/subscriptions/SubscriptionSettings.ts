/** The gateway's subscription settings (README: "Subscriptions"); each missing one keeps its default. */
export interface SubscriptionSettings {
  /** Open subscriptions on one WebSocket connection. */
  maxPerConnection: number;
  /** Open subscriptions of one caller (a user, or an anonymous caller's address) across connections and SSE. */
  maxPerCaller: number;
  /** Live events held for one subscriber that is not reading; one more disconnects it. */
  maxQueuedEvents: number;
  /**
   * A subscriber whose queue overflows is disconnected when it has taken nothing for this
   * long; one still reading (only slower than a burst) reads the feed page by page instead.
   */
  maxStallMs: number;
  /** Events per batch: one federated query each (at most 100). */
  batchSize: number;
  /** The feed is read this often without a notification. */
  pollIntervalMs: number;
  /** How long a WebSocket may stay open without `connection_init`. */
  connectionInitTimeoutMs: number;
  /** Largest WebSocket message or SSE request body. */
  maxMessageBytes: number;
}

export const DEFAULT_SUBSCRIPTION_SETTINGS: SubscriptionSettings = {
  maxPerConnection: 20,
  maxPerCaller: 100,
  maxQueuedEvents: 1_000,
  maxStallMs: 10_000,
  batchSize: 100,
  pollIntervalMs: 5_000,
  connectionInitTimeoutMs: 10_000,
  maxMessageBytes: 65_536,
};

/** Settings with defaults filled in, each checked: a limit of 0 or a batch over 100 is a configuration error. */
export function subscriptionSettings(given: Partial<SubscriptionSettings> = {}): SubscriptionSettings {
  const settings = { ...DEFAULT_SUBSCRIPTION_SETTINGS, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`Subscription setting ${name} must be a whole number of at least 1, not ${value}`);
  }
  if (settings.batchSize > 100) throw new Error('Subscription setting batchSize may be at most 100');
  return settings;
}
