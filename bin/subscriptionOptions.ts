import type { SubscriptionSettings } from '../gateway/subscriptions/SubscriptionSettings';
import type { GatewaySubscriptionOptions } from '../gateway/subscriptions/createSubscriptions';
import { mergedEventFeed } from '../gateway/subscriptions/mergedEventFeed';
import { eventsOverHttp, type EventSource } from '../kit';
import { SUBGRAPHS } from '../supergraph.config';

/** The gateway's subscription settings from the environment (README, "Subscriptions"); unset keeps the default. */
export function subscriptionSettingsFromEnv(): Partial<SubscriptionSettings> {
  const variables: [keyof SubscriptionSettings, string][] = [
    ['maxPerConnection', 'ENSEMBLE_SUBSCRIPTIONS_PER_CONNECTION'],
    ['maxPerCaller', 'ENSEMBLE_SUBSCRIPTIONS_PER_CALLER'],
    ['maxQueuedEvents', 'ENSEMBLE_SUBSCRIPTION_QUEUE'],
    ['maxStallMs', 'ENSEMBLE_SUBSCRIPTION_STALL_MS'],
    ['batchSize', 'ENSEMBLE_SUBSCRIPTION_BATCH'],
    ['pollIntervalMs', 'ENSEMBLE_FEED_POLL_MS'],
  ];
  const settings: Partial<SubscriptionSettings> = {};
  for (const [setting, variable] of variables) {
    const text = process.env[variable];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${variable} must be a positive whole number, got "${text}"`);
    settings[setting] = value;
  }
  return settings;
}

/** `npm start`: the feed of the subgraphs running in this process, read in process. */
export function embeddedSubscriptions(sources: () => EventSource[], log: (line: string) => void): GatewaySubscriptionOptions {
  return { feed: mergedEventFeed({ sources, log }), settings: subscriptionSettingsFromEnv() };
}

/**
 * `npm run gateway`: each subgraph whose plugin declares events is read through its signed
 * `POST /events`, at the URL the supergraph gives it; `ENSEMBLE_EVENTS_LISTEN_URLS`
 * (comma-separated PostgreSQL URLs of the sources' databases) adds LISTEN wake-ups.
 */
export function distributedSubscriptions(secret: string | null, log: (line: string) => void): GatewaySubscriptionOptions {
  const publishers = SUBGRAPHS.filter((entry) => entry.events?.length).map((entry) => entry.name);
  const listen = (process.env.ENSEMBLE_EVENTS_LISTEN_URLS ?? '').split(',').map((url) => url.trim()).filter(Boolean);
  return {
    feed: (subgraphUrls) =>
      mergedEventFeed({
        sources: () => publishers.filter((name) => subgraphUrls.has(name)).map((name) => eventsOverHttp({ name, url: subgraphUrls.get(name)!, secret })),
        listen,
        log,
      }),
    settings: subscriptionSettingsFromEnv(),
  };
}
