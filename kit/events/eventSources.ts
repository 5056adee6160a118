import type { SqlReads } from '../database/sqlClient';
import { signedHeaders } from '../security/signRequest';
import { readEvents } from './eventLog';
import { EventCursorError, EventsExpiredError, type EventPage } from './eventTypes';
import { EVENTS_PATH } from './eventsRoute';

/** One source of the merged feed: a name (its key in cursors) and how to read its log. */
export interface EventSource {
  name: string;
  /** Events after `after` (oldest first, at most `limit`); `after: -1` answers only the head. */
  read(after: number, limit: number): Promise<EventPage>;
}

/** A source whose database is open in this process (the embedded mode, tests). */
export function eventsInDatabase(name: string, reads: SqlReads): EventSource {
  return { name, read: (after, limit) => readEvents(reads, name, { after, limit }) };
}

export interface HttpSourceOptions {
  name: string;
  /** The subgraph's GraphQL URL (`…/graphql`) or its base URL: `/events` is read beside it. */
  url: string;
  /** The gateway's secret, to sign with; null when subgraphs run with --insecure-dev. */
  secret: string | null;
  /** Give up on one read after this long. Default 5 s. */
  timeoutMs?: number;
}

/** A source read through its subgraph's signed `POST /events`. */
export function eventsOverHttp(options: HttpSourceOptions): EventSource {
  const url = new URL(EVENTS_PATH, options.url.replace(/\/graphql\/?$/, '/')).toString();
  return {
    name: options.name,
    async read(after, limit) {
      const body = JSON.stringify({ after, limit });
      const headers = { 'content-type': 'application/json', ...(options.secret === null ? {} : signedHeaders(options.secret, body)) };
      const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) });
      const answer = (await response.json()) as EventPage & { errors?: { message: string; extensions?: { oldest?: number } }[] };
      if (response.status === 410) throw new EventsExpiredError(options.name, after, Number(answer.errors?.[0]?.extensions?.oldest ?? 0));
      if (response.status === 400) throw new EventCursorError(answer.errors?.[0]?.message ?? 'bad events request');
      if (!response.ok) throw new Error(`events of "${options.name}" answered HTTP ${response.status}: ${answer.errors?.[0]?.message ?? ''}`);
      return answer;
    },
  };
}
