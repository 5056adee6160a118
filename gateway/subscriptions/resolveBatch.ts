import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import type { FeedEvent } from './EventFeed';
import { batchVariables, visibleRefs, type EntityBatchQuery } from './entityBatchQuery';

/** Runs a query through the gateway's own federated plan as the subscriber. */
export type RunAsSubscriber = (query: string, variables: Record<string, unknown>) => Promise<ExecutionResult | { data?: unknown; errors?: readonly GraphQLFormattedError[] }>;

/** An event the subscriber may see, with its entity selections fetched. */
export class DeliveredChange {
  constructor(
    readonly event: FeedEvent,
    /** `entity` response key → the fetched entity (null when it no longer exists). */
    readonly entities: Record<string, unknown>,
    /** Errors of the fetch for this event's entity, with paths from the subscription's root. */
    readonly errors: GraphQLFormattedError[],
  ) {}
}

/** Thrown when a batch could not be resolved at all: the subscription ends, and its cursor resumes it. */
export class BatchFailedError extends Error {}

/**
 * One query for a whole batch, as the subscriber: the events it may not see (or that its
 * filter does not match) are dropped, with permissions read afresh for every batch. `isVisible`
 * decides for events the catalog's `entities` cannot (a deleted entity's).
 */
export async function resolveBatch(options: {
  batch: EntityBatchQuery;
  events: FeedEvent[];
  filter: unknown;
  rootKey: string;
  run: RunAsSubscriber;
  /** Events whose entity is gone: the catalog's permission-filtered `changes` decides. */
  visibleWhenGone?: (events: FeedEvent[]) => Promise<Set<FeedEvent>>;
}): Promise<DeliveredChange[]> {
  const { batch, events } = options;
  const refs = [...new Set(events.map((event) => event.ref))];
  const result = await options.run(batch.query, batchVariables(batch, refs, options.filter));
  const data = result.data as Record<string, unknown> | null | undefined;
  if (!data) throw new BatchFailedError(`Resolving a batch of events failed: ${(result.errors ?? []).map((error) => error.message).join('; ') || 'no data'}`);
  const visible = visibleRefs(data);
  const gone = events.filter((event) => !visible.has(event.ref) && isGone(event));
  const visibleGone = gone.length > 0 && options.visibleWhenGone ? await options.visibleWhenGone(gone) : new Set<FeedEvent>();
  return events
    .filter((event) => visible.has(event.ref) || visibleGone.has(event))
    .map((event) => {
      const index = refs.indexOf(event.ref);
      const entities: Record<string, unknown> = {};
      const errors: GraphQLFormattedError[] = [];
      for (const [key, alias] of batch.aliases) {
        entities[key] = (data[alias] as unknown[] | null | undefined)?.[index] ?? null;
        for (const error of result.errors ?? []) {
          const path = error.path;
          if (path?.[0] === alias && path[1] === index) errors.push({ ...error, path: [options.rootKey, key, ...path.slice(2)] });
        }
      }
      return new DeliveredChange(event, entities, errors);
    });
}

/** Events after which the catalog no longer holds the entity. */
export function isGone(event: FeedEvent): boolean {
  return event.source === 'catalog' && (event.change === 'DELETED' || event.change === 'ORPHANED');
}
