import { InputError } from '../errors/domainErrors';

/** The one change kinds the catalog records; a plugin names its own (e.g. `PIPELINE_FAILED`). */
export const CATALOG_CHANGES = ['CREATED', 'UPDATED', 'DELETED', 'ORPHANED'] as const;

/** An event as a source writes it (recordEvents): its position and time are given by the log. */
export interface NewEvent {
  /** The canonical entity ref the event concerns. */
  ref: string;
  /** CREATED | UPDATED | DELETED | ORPHANED, or a plugin's own name. */
  change: string;
  /** Top-level paths that changed, e.g. `spec.owner`, `metadata.description`; empty when none apply. */
  fields?: string[];
  /**
   * The catalog's snapshot of the entity (its `entities` row as JSON) after the change, or
   * before it for DELETED and ORPHANED: what permission checks read once the entity is gone.
   * Null for plugin events.
   */
  entity?: Record<string, unknown> | null;
}

/** An event as readers get it from one source's log. */
export interface FeedEvent {
  /** Its place in its source's log: strictly increasing in commit order, never reused. */
  position: number;
  ref: string;
  change: string;
  fields: string[];
  entity: Record<string, unknown> | null;
  /** ISO-8601 time the event was recorded (close to its commit). */
  recordedAt: string;
}

/** What one read of a source's log answers. */
export interface EventPage {
  events: FeedEvent[];
  /** The source's newest position when it was read (0 when it has no event). */
  head: number;
}

/** The most events one read may ask for. */
export const MAX_EVENTS_PER_READ = 1_000;

/** A position that no longer exists: events after it were pruned by retention (BAD_USER_INPUT, code detail EVENTS_EXPIRED). */
export class EventsExpiredError extends InputError {
  constructor(
    readonly source: string,
    readonly after: number,
    readonly oldest: number,
  ) {
    super(
      `resume from position ${after} of "${source}" expired: events before position ${oldest} were removed by retention; start again without a cursor`,
      { reason: 'EVENTS_EXPIRED', source, oldest },
    );
  }
}

/** A cursor that cannot be read, or that points past what a source has recorded (BAD_USER_INPUT). */
export class EventCursorError extends InputError {}
