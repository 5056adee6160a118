import type { EventFeed, FeedEvent } from './EventFeed';
import type { FeedHub, LiveSubscriber } from './FeedHub';
import { GraphQLError } from 'graphql';
import { decodeFeedCursor, InputError } from '../../kit';
import { alreadySeen } from './feedCursor';

export interface SubscriberStreamOptions {
  hub: FeedHub;
  feed: EventFeed;
  /** Events per read while catching up, and per batch handed on. */
  pageSize: number;
  /** Live events held for a subscriber that has not taken them yet; one more disconnects it. */
  maxQueuedEvents: number;
  /**
   * A subscriber whose queue overflows after taking nothing for this long is disconnected;
   * one that is reading, only slower than a burst, goes back to reading the feed page by
   * page (it holds no queue then) and catches up.
   */
  maxStallMs: number;
  /**
   * Called at once when the queue overflows: the transport closes the connection then, since
   * a consumer stuck on a full socket would never pull the error that says why.
   */
  onOverflow?: (reason: string) => void;
}

/** Why a subscriber was cut off: it did not keep up with the live feed. */
export class SlowConsumerError extends Error {
  readonly code = 'SLOW_CONSUMER';
}

/**
 * One subscriber's events, in batches: from its `after:` cursor (read from the feed, page by
 * page) or from the live head, then live from the hub. Positions per source make the hand-over
 * exact: the subscriber joins the hub before its last catch-up read, and drops every event
 * it has already passed, so nothing is skipped and nothing repeats.
 */
export class SubscriberStream implements LiveSubscriber {
  private queue: FeedEvent[] = [];
  private live = false;
  /** While true, a full queue sends the subscriber back to reading the feed instead of cutting it off. */
  private catchingUp = false;
  private overflow: string | undefined;
  /** When the consumer last took a batch or waited for one. */
  private lastProgress = Date.now();
  private closed = false;
  private wakeUp: (() => void) | undefined;
  private positions: Record<string, number> = {};
  private cursor = '';

  constructor(private readonly options: SubscriberStreamOptions, private readonly after: string | undefined) {
    // Checked here so that a bad cursor fails the subscription before anything is read.
    if (after !== undefined) this.positions = { ...asUserInput(() => decodeFeedCursor(after)) };
  }

  push(event: FeedEvent): void {
    if (!this.live || this.closed || this.overflow) return;
    // A subscriber with nothing waiting was keeping up: the stall clock starts now.
    if (this.queue.length === 0) this.lastProgress = Date.now();
    if (this.queue.length >= this.options.maxQueuedEvents) {
      this.options.hub.leave(this);
      this.live = false;
      this.queue = [];
      if (!this.catchingUp && Date.now() - this.lastProgress > this.options.maxStallMs) {
        this.overflow = `more than ${this.options.maxQueuedEvents} events waiting, and nothing taken for ${this.options.maxStallMs} ms`;
        this.options.onOverflow?.(`Disconnected: the subscriber is too slow (${this.overflow})`);
      }
    } else this.queue.push(event);
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.live = false;
    this.queue = [];
    this.options.hub.leave(this);
    this.wake();
  }

  async *batches(): AsyncGenerator<FeedEvent[]> {
    try {
      if (this.after === undefined) {
        this.live = true;
        const joined = await this.options.hub.join(this);
        this.cursor = joined.cursor;
        this.positions = joined.positions;
      } else {
        this.cursor = this.after;
        yield* this.catchUp();
      }
      while (!this.closed) {
        this.lastProgress = Date.now();
        if (this.overflow) throw new SlowConsumerError(`Disconnected: the subscriber is too slow (${this.overflow})`);
        if (!this.live) {
          yield* this.catchUp();
          continue;
        }
        if (this.queue.length === 0) {
          await new Promise<void>((resolve) => (this.wakeUp = resolve));
          continue;
        }
        const batch = this.unseen(this.queue.splice(0, this.options.pageSize));
        if (batch.length > 0) yield batch;
      }
    } finally {
      this.close();
    }
  }

  /** Reads from the feed until it has caught up, then joins the live hub. */
  private async *catchUp(): AsyncGenerator<FeedEvent[]> {
    this.catchingUp = true;
    try {
      for (;;) {
        const { events: page, cursor } = await asUserInput(() => this.options.feed.read(this.cursor, this.options.pageSize));
        if (this.closed) return;
        const fresh = this.unseen(page);
        this.cursor = cursor;
        if (fresh.length > 0) yield fresh;
        this.lastProgress = Date.now();
        if (page.length < this.options.pageSize) {
          if (this.live) return;
          // Join, then read once more: whatever the hub read before we joined is in that read.
          this.live = true;
          this.queue = [];
          await this.options.hub.join(this);
        }
      }
    } finally {
      this.catchingUp = false;
    }
  }

  /** The events not yet passed, recording each as passed. */
  private unseen(events: FeedEvent[]): FeedEvent[] {
    const fresh = events.filter((event) => !alreadySeen(this.positions, event.source, event.position));
    for (const event of fresh) this.positions[event.source] = event.position;
    return fresh;
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }
}

/** The feed's input errors (a malformed or expired cursor) as the subscriber's GraphQL errors. */
function asUserInput<T>(read: () => T): T {
  const convert = (error: unknown): never => {
    if (error instanceof InputError) throw new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } });
    throw error;
  };
  try {
    const value = read();
    return (value instanceof Promise ? value.catch(convert) : value) as T;
  } catch (error) {
    return convert(error);
  }
}
