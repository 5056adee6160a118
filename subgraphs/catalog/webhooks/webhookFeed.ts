/**
 * What the webhook worker needs from the change feed: the next events after a cursor, in
 * the feed's order, each with the cursor after it. kit/events' merged feed provides it
 * (catalogEventFeed.ts); tests may give any feed that keeps the contract.
 */
export interface WebhookEvent {
  /** The feed's cursor after this event: resuming from it delivers what follows. */
  cursor: string;
  /** Which source recorded it: `catalog`, or a plugin's name. */
  source: string;
  /** CREATED, UPDATED, DELETED, ORPHANED, or a plugin's own event (`PIPELINE_FAILED`). */
  change: string;
  ref: string;
  fields: string[];
  /** The catalog's snapshot of the entity, its stored row (before the change for DELETED/ORPHANED); null for plugin events. Receivers get its descriptor. */
  entity: unknown;
  recordedAt: string;
}

export interface WebhookFeed {
  /**
   * At most `limit` events after `after` (null: from the feed's head), and the cursor to
   * read from next: the last event's, or `after` brought up to date (a source that joined
   * the feed since starts at its head, not at its first event).
   */
  read(after: string | null, limit: number): Promise<{ events: WebhookEvent[]; cursor: string | null }>;
  /** The cursor a new webhook starts from: now, so it gets only events after it was registered. */
  head(): Promise<string | null>;
  /** Calls `listener` when sources may have new events (a hint; the worker also polls). Returns an unsubscribe. */
  onEvents?(listener: () => void): () => void;
}
