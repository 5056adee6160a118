import type { EventFeed, FeedEvent } from './EventFeed';
import { decodeFeedCursor, type FeedPositions } from '../../kit';

/** A subscriber that is following the live feed. */
export interface LiveSubscriber {
  push(event: FeedEvent): void;
}

export interface FeedHubOptions {
  feed: EventFeed;
  /** Events per read of the feed. */
  pageSize: number;
  /** Reads the feed this often even without a notification: notifications are only hints. */
  pollIntervalMs: number;
  log: (line: string) => void;
}

/**
 * One reader of the merged feed per gateway, fanning every event out to the live
 * subscribers: a thousand subscribers cost one read per batch, not a thousand. It reads
 * only while someone is subscribed, and starts at the feed's head.
 */
export class FeedHub {
  private readonly subscribers = new Set<LiveSubscriber>();
  private cursor: string | undefined;
  private positions: Record<string, number> = {};
  private starting: Promise<void> | undefined;
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  private stopListening: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: FeedHubOptions) {}

  /**
   * Adds a live subscriber and answers where the hub stands: every event after that cursor
   * reaches the subscriber's `push`, none before it.
   */
  async join(subscriber: LiveSubscriber): Promise<{ cursor: string; positions: FeedPositions }> {
    await this.start();
    // Synchronous from here: no page can be fanned out between adding and reading the position.
    this.subscribers.add(subscriber);
    return { cursor: this.cursor!, positions: { ...this.positions } };
  }

  leave(subscriber: LiveSubscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0 && !this.starting) this.stop();
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Stops reading; subscribers that remain get nothing more. */
  stop(): void {
    this.stopListening?.();
    this.stopListening = undefined;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.cursor = undefined;
  }

  private start(): Promise<void> {
    if (this.cursor !== undefined) return Promise.resolve();
    this.starting ??= (async () => {
      try {
        const head = await this.options.feed.head();
        this.cursor = head;
        this.positions = { ...decodeFeedCursor(head) };
        this.stopListening = this.options.feed.onEvents(() => this.wake());
        this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs);
        this.timer.unref();
      } finally {
        this.starting = undefined;
      }
    })();
    return this.starting;
  }

  /** Reads until the feed has nothing new; a wake during a read reads once more after it. */
  wake(): void {
    if (this.cursor === undefined) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.drainAgain) {
        this.drainAgain = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const cursor = this.cursor;
      if (cursor === undefined) return;
      let page: FeedEvent[];
      let next: string;
      try {
        ({ events: page, cursor: next } = await this.options.feed.read(cursor, this.options.pageSize));
      } catch (error) {
        // The next wake or poll tries again; the cursor has not moved, so nothing is lost.
        this.options.log(`subscriptions: reading the feed failed: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      if (this.cursor !== cursor) return; // stopped (and maybe restarted) meanwhile
      for (const event of page) {
        this.positions[event.source] = event.position;
        for (const subscriber of this.subscribers) subscriber.push(event);
      }
      // A subscriber leaving during the fan-out may have stopped the hub: then it stays stopped.
      if (this.cursor !== cursor) return;
      this.cursor = next;
      if (page.length < this.options.pageSize) return;
    }
  }
}
