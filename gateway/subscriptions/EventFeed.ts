/** One event of the merged feed, as the gateway delivers it. */
export interface FeedEvent {
  /** The source's name: `catalog`, or a plugin that publishes events (`cicd`...). */
  source: string;
  /** Its position in that source's log; a source's positions only grow. */
  position: number;
  ref: string;
  /** CREATED, UPDATED, DELETED, ORPHANED, or a plugin's own event name. */
  change: string;
  fields: string[];
  /** ISO-8601 time it was recorded. */
  recordedAt: string;
  /** The merged cursor after this event: resuming from it starts with the next one. */
  cursor: string;
}

/**
 * What delivery needs from the merged feed (kit/events' createMergedFeed, or an in-memory
 * source in tests): reads after a cursor, the head, and a wake-up hint.
 */
export interface EventFeed {
  /** The cursor after the newest event of every source: where a subscriber without `after:` starts. */
  head(): Promise<string>;
  /**
   * Up to `limit` events after `cursor`, each source's order kept, and the cursor the next
   * read starts from (past the last event; with sources' heads resolved when there is none).
   */
  read(cursor: string, limit: number): Promise<{ events: FeedEvent[]; cursor: string }>;
  /** Calls `listener` when events may have been written; returns the unsubscribe. A hint only. */
  onEvents(listener: () => void): () => void;
  /** Releases what it holds (LISTEN connections). */
  close?(): Promise<void>;
}
