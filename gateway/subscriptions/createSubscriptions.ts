import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema, ParseOptions, ValidationRule } from 'graphql';
import type { HttpHandler } from '../../kit';
import type { GatewayContext } from '../auth/IdentityForwardingDataSource';
import type { Authenticator } from '../auth/createAuthenticator';
import { CallerSubscriptions } from './CallerSubscriptions';
import { catalogChangesVisibility } from './catalogChangesVisibility';
import type { EventFeed, FeedEvent } from './EventFeed';
import { FeedHub } from './FeedHub';
import { prepareSubscription } from './prepareSubscription';
import type { RunAsSubscriber } from './resolveBatch';
import { serveSse } from './serveSse';
import { serveWebSocket } from './serveWebSocket';
import { subscribeEntityChanged } from './subscribeEntityChanged';
import { subscriptionSettings, type SubscriptionSettings } from './SubscriptionSettings';
import type { SubscriptionTransport } from './SubscriptionTransport';

export interface GatewaySubscriptionOptions {
  /**
   * The merged feed of every event source (mergedEventFeed over kit/events), or how to
   * make it from the subgraphs' URLs as the loaded supergraph names them.
   */
  feed: EventFeed | ((subgraphUrls: ReadonlyMap<string, string>) => EventFeed);
  settings?: Partial<SubscriptionSettings>;
  /** Which events of entities that are gone a subscriber may see; default: the catalog's `changes` decides. */
  visibleWhenGone?: (run: RunAsSubscriber, filter: unknown, events: FeedEvent[]) => Promise<Set<FeedEvent>>;
}

export interface SubscriptionServing {
  /** The graphql-sse handler, to mount behind authentication and CORS. */
  sse: HttpHandler;
  /** Serves graphql-ws on `path` of the listening server. */
  attach(server: Server, path: string): void;
  /** Closes every WebSocket and stops reading the feed. */
  close(): Promise<void>;
  /** Open subscriptions, over both transports. */
  openSubscriptions(): number;
}

/**
 * `Subscription.entityChanged` beside Apollo Gateway (which cannot execute subscriptions):
 * both transports, the limits, one feed reader, and entity selections resolved through
 * the gateway's own federated plan as each subscriber (`server.executeOperation`).
 */
export function createSubscriptions(
  options: GatewaySubscriptionOptions & {
    server: ApolloServer<GatewayContext>;
    subgraphUrls: ReadonlyMap<string, string>;
    schema: () => GraphQLSchema | undefined;
    authenticate: Authenticator;
    validationRules: ValidationRule[];
    parseOptions: ParseOptions;
    allowedOrigins: () => ReadonlySet<string>;
    production: boolean;
    log: (line: string) => void;
  },
): SubscriptionServing {
  const settings = subscriptionSettings(options.settings);
  const feed = typeof options.feed === 'function' ? options.feed(options.subgraphUrls) : options.feed;
  const hub = new FeedHub({ feed, pageSize: settings.batchSize, pollIntervalMs: settings.pollIntervalMs, log: options.log });
  const callers = new CallerSubscriptions(settings.maxPerCaller);
  const transport: SubscriptionTransport = {
    settings,
    schema: options.schema,
    prepare: (request) =>
      prepareSubscription(request, { schema: options.schema(), validationRules: options.validationRules, parseOptions: options.parseOptions }),
    subscribe: subscribeEntityChanged({
      hub,
      feed,
      batchSize: settings.batchSize,
      maxQueuedEvents: settings.maxQueuedEvents,
      maxStallMs: settings.maxStallMs,
      visibleWhenGone: options.visibleWhenGone ?? catalogChangesVisibility,
    }),
    runAs: (identity) => async (query, variables) => {
      const response = await options.server.executeOperation({ query, variables }, { contextValue: { identity } });
      if (response.body.kind !== 'single') throw new Error('A batch query answered incrementally');
      return response.body.singleResult;
    },
    authenticate: options.authenticate,
    callers,
    allowedOrigins: options.allowedOrigins,
    production: options.production,
    log: options.log,
  };
  let webSockets: { close(): Promise<void> } | undefined;
  return {
    sse: serveSse(transport),
    attach: (server, path) => {
      webSockets = serveWebSocket(server, path, transport);
    },
    close: async () => {
      await webSockets?.close();
      hub.stop();
      await feed.close?.();
    },
    openSubscriptions: () => callers.total,
  };
}
