import {
  buildSchema,
  GraphQLError,
  printSchema,
  type GraphQLSchema,
  Kind,
  subscribe,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type GraphQLFieldResolver,
} from 'graphql';
import type { EventFeed, FeedEvent } from './EventFeed';
import type { FeedHub } from './FeedHub';
import { entityBatchQuery, type EntityBatchQuery } from './entityBatchQuery';
import { BatchFailedError, DeliveredChange, resolveBatch, type RunAsSubscriber } from './resolveBatch';
import { SlowConsumerError, SubscriberStream } from './SubscriberStream';

/** What a subscription's execution knows about its subscriber. */
export interface SubscriptionContext extends Record<PropertyKey, unknown> {
  /** Runs a query through the gateway as the subscriber. */
  run: RunAsSubscriber;
  /** Called once, at once, when the subscriber is cut off for being too slow: the transport closes its connection. */
  disconnect?: (reason: string) => void;
}

export interface EntityChangedOptions {
  hub: FeedHub;
  feed: EventFeed;
  /** Events per batch (one federated query each), at most 100. */
  batchSize: number;
  maxQueuedEvents: number;
  maxStallMs: number;
  /** Which events of entities that are gone the subscriber may see (the catalog's `changes`). */
  visibleWhenGone?: (run: RunAsSubscriber, filter: unknown, events: FeedEvent[]) => Promise<Set<FeedEvent>>;
}

/**
 * Executes a `Subscription.entityChanged` operation: graphql-js's `subscribe` over the
 * gateway's API schema, with resolvers that read the merged feed and the batch-fetched
 * entities. Used by both transports (graphql-ws and graphql-sse) as their `subscribe`.
 */
export function subscribeEntityChanged(options: EntityChangedOptions) {
  return async (args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult, void, void> | ExecutionResult> => {
    const context = args.contextValue as SubscriptionContext;
    let current: DeliveredChange | undefined;
    const subscribeFieldResolver: GraphQLFieldResolver<unknown, SubscriptionContext> = (_root, fieldArgs, _context, info) => {
      if (info.fieldName !== 'entityChanged') throw new GraphQLError(`Subscription.${info.fieldName} is not served by this gateway`);
      const stream = new SubscriberStream(
        { hub: options.hub, feed: options.feed, pageSize: options.batchSize, maxQueuedEvents: options.maxQueuedEvents, maxStallMs: options.maxStallMs, onOverflow: context.disconnect },
        (fieldArgs.after as string | null | undefined) ?? undefined,
      );
      const batch = entityBatchQuery(info.operation, mergedField(info.fieldNodes), info.fragments, info.variableValues);
      const changes = deliveredChanges(stream, batch, fieldArgs.filter ?? null, info.path.key as string, context.run, options);
      return (async function* () {
        for await (const change of changes) {
          current = change;
          yield change;
        }
      })();
    };
    const result = await subscribe({ ...args, schema: withoutResolvers(args.schema), subscribeFieldResolver, fieldResolver: readDelivered });
    if (!(Symbol.asyncIterator in result)) return result;
    return (async function* () {
      try {
        for await (const next of result) {
          const errors = current?.errors ?? [];
          yield errors.length > 0 ? { ...next, errors: [...(next.errors ?? []), ...errors.map((error) => new GraphQLError(error.message, { path: error.path, extensions: error.extensions }))] } : next;
        }
      } catch (error) {
        if (!(error instanceof SlowConsumerError || error instanceof BatchFailedError || error instanceof GraphQLError)) throw error;
        const code = error instanceof SlowConsumerError ? error.code : error instanceof GraphQLError ? (error.extensions.code ?? 'BAD_USER_INPUT') : 'FEED_UNAVAILABLE';
        yield { errors: [new GraphQLError(error.message, { extensions: { code } })] };
      }
    })();
  };
}

async function* deliveredChanges(
  stream: SubscriberStream,
  batch: EntityBatchQuery,
  filter: unknown,
  rootKey: string,
  run: RunAsSubscriber,
  options: EntityChangedOptions,
): AsyncGenerator<DeliveredChange> {
  const visibleWhenGone = options.visibleWhenGone && ((events: FeedEvent[]) => options.visibleWhenGone!(run, filter, events));
  for await (const events of stream.batches()) {
    for (const change of await resolveBatch({ batch, events, filter, rootKey, run, visibleWhenGone })) yield change;
  }
}

const plainSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();

/**
 * The API schema without the resolvers the gateway attached to its fields (they would win
 * over `fieldResolver`): built once per supergraph from its printed SDL.
 */
function withoutResolvers(schema: GraphQLSchema): GraphQLSchema {
  let plain = plainSchemas.get(schema);
  if (!plain) {
    plain = buildSchema(printSchema(schema));
    plainSchemas.set(schema, plain);
  }
  return plain;
}

/** Two `entityChanged` selections under one response key are one field: their selections merge. */
function mergedField(fieldNodes: readonly FieldNode[]): FieldNode {
  const [first, ...rest] = fieldNodes;
  if (rest.length === 0) return first;
  return { ...first, selectionSet: { kind: Kind.SELECTION_SET, selections: fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []) } };
}

/**
 * Reads every field from what the feed and the batch query gave: the root field is the
 * delivered change itself, its scalars come from the event, `entity` from the fetched data
 * under its response key, and everything below by response key (the fetch used the same
 * selections, aliases included).
 */
const readDelivered: GraphQLFieldResolver<unknown, SubscriptionContext> = (source, _args, _context, info) => {
  if (info.path.prev === undefined) return source; // the root field: the payload is the delivered change
  if (source instanceof DeliveredChange) {
    const event = source.event;
    switch (info.fieldName) {
      case 'entity':
        return source.entities[info.path.key as string] ?? null;
      case 'cursor':
      case 'change':
      case 'source':
      case 'ref':
      case 'fields':
      case 'recordedAt':
        return event[info.fieldName];
      default:
        return null;
    }
  }
  return source !== null && typeof source === 'object' ? (source as Record<string, unknown>)[info.path.key as string] : null;
};
