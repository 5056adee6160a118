import { onEvents, type EventsListener } from './eventSignals';
import type { EventSource } from './eventSources';
import { decodeFeedCursor, encodeFeedCursor, type FeedPositions } from './feedCursor';
import { MAX_EVENTS_PER_READ, EventCursorError, EventsExpiredError, type FeedEvent } from './eventTypes';

/** An event of the merged feed: which source it came from, and the cursor to resume right after it. */
export interface MergedEvent extends FeedEvent {
  source: string;
  cursor: string;
}

export interface MergedPage {
  /** In each source's order; across sources, by the time they were recorded. */
  events: MergedEvent[];
  /** Where the next read starts: the last event's cursor, or the cursor read from (sources' heads resolved). */
  cursor: string;
  /** Sources that could not be read this time: their events come later, nobody else's wait. */
  unavailable: { source: string; reason: string }[];
}

export interface FollowOptions {
  /** Events per page, 1 to 1,000. Default 100. */
  limit?: number;
  /** Stops following (the generator returns). */
  signal?: AbortSignal;
  /** Re-reads at least this often, even without a wake-up. Default 5 s. */
  pollMs?: number;
  /** Where wake-ups come from; default the in-process `onEvents` (add a LISTEN client on PostgreSQL). */
  wake?: (listener: EventsListener) => () => void;
}

export interface MergedFeed {
  readonly sources: readonly string[];
  /**
   * The cursor to follow from: `after` checked, or, without one, every source's head now
   * (a source that does not answer starts at its head once it does).
   */
  start(after?: string | null): Promise<string>;
  /** One page after `cursor`; without a cursor, from every source's oldest retained event. */
  read(cursor: string | null | undefined, options?: { limit?: number }): Promise<MergedPage>;
  /** Pages as events are committed, from `cursor` on, until `signal` aborts. */
  follow(cursor: string, options?: FollowOptions): AsyncGenerator<MergedPage>;
}

export interface MergedFeedOptions {
  /** A source read taking longer counts as unavailable for this read. Default 5 s. */
  sourceTimeoutMs?: number;
}

/**
 * Several sources' logs as one feed with one opaque cursor holding a position per source.
 * Each source's order is kept and a cursor resumes exactly after the event it came with:
 * never skipping, never repeating. A source that is down delays only its own events.
 */
export function createMergedFeed(sources: readonly EventSource[], options: MergedFeedOptions = {}): MergedFeed {
  const names = sources.map((source) => source.name);
  if (new Set(names).size !== names.length) throw new Error(`Event sources must have distinct names: ${names.join(', ')}`);
  const timeoutMs = options.sourceTimeoutMs ?? 5_000;

  const positionsOf = (cursor: string | null | undefined): Record<string, number> => {
    const given = cursor ? decodeFeedCursor(cursor) : {};
    // A source the cursor does not name (one added since) is read from its beginning.
    return Object.fromEntries([...Object.entries(given), ...names.filter((name) => !(name in given)).map((name) => [name, 0])]);
  };

  const readSource = (source: EventSource, after: number, limit: number) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([source.read(after, limit), timeout]).finally(() => clearTimeout(timer));
  };

  const read = async (cursor: string | null | undefined, { limit = 100 } = {}): Promise<MergedPage> => {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVENTS_PER_READ) {
      throw new EventCursorError(`"limit" must be between 1 and ${MAX_EVENTS_PER_READ}, got ${limit}`);
    }
    const positions = positionsOf(cursor);
    const unavailable: MergedPage['unavailable'] = [];
    const answers = await Promise.allSettled(sources.map((source) => readSource(source, positions[source.name], limit)));
    const queues: { source: string; events: FeedEvent[] }[] = [];
    answers.forEach((answer, index) => {
      const source = sources[index].name;
      if (answer.status === 'rejected') {
        // A cursor that is wrong or expired is the caller's problem, whichever source says so.
        if (answer.reason instanceof EventsExpiredError || answer.reason instanceof EventCursorError) throw answer.reason;
        unavailable.push({ source, reason: answer.reason instanceof Error ? answer.reason.message : String(answer.reason) });
      } else if (positions[source] === -1) positions[source] = answer.value.head;
      else queues.push({ source, events: answer.value.events });
    });
    const events: MergedEvent[] = [];
    // k-way merge by recording time (ties by source name), each queue in its own order.
    while (events.length < limit) {
      let next: (typeof queues)[number] | undefined;
      for (const queue of queues) {
        if (!queue.events.length) continue;
        if (!next || earlier(queue.events[0], queue.source, next.events[0], next.source)) next = queue;
      }
      if (!next) break;
      const event = next.events.shift() as FeedEvent;
      positions[next.source] = event.position;
      events.push({ ...event, source: next.source, cursor: encodeFeedCursor(positions) });
    }
    return { events, cursor: events.at(-1)?.cursor ?? encodeFeedCursor(positions), unavailable };
  };

  return {
    sources: names,
    async start(after) {
      if (after) return encodeFeedCursor(positionsOf(after));
      const heads: Record<string, number> = {};
      const answers = await Promise.allSettled(sources.map((source) => readSource(source, -1, 1)));
      answers.forEach((answer, index) => (heads[names[index]] = answer.status === 'fulfilled' ? answer.value.head : -1));
      return encodeFeedCursor(heads);
    },
    read,
    async *follow(cursor, { limit = 100, signal, pollMs = 5_000, wake = onEvents } = {}) {
      let position = encodeFeedCursor(positionsOf(cursor));
      let woken = false;
      let resume: (() => void) | undefined;
      const unsubscribe = wake(() => {
        woken = true;
        resume?.();
      });
      const onAbort = () => resume?.();
      signal?.addEventListener('abort', onAbort);
      try {
        while (!signal?.aborted) {
          woken = false;
          const page = await read(position, { limit });
          position = page.cursor;
          if (page.events.length) yield page;
          if (page.events.length === limit || woken || signal?.aborted) continue;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            resume = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          resume = undefined;
        }
      } finally {
        unsubscribe();
        signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}

function earlier(a: FeedEvent, aSource: string, b: FeedEvent, bSource: string): boolean {
  return a.recordedAt < b.recordedAt || (a.recordedAt === b.recordedAt && aSource < bSource);
}

export type { FeedPositions };
