import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import { EVENTS_CHANNEL } from './eventLog';

/**
 * Wake-ups for readers of the feed. They are hints only: a reader always re-reads the
 * event tables, and polls at a slow interval in case a hint is lost.
 */
export type EventsListener = (source: string) => void;

const inProcess = new EventEmitter();
inProcess.setMaxListeners(0);

/** Tells readers in this process that `source` committed events (writers call it after their commit). */
export function announceEvents(source: string): void {
  inProcess.emit('events', source);
}

/** Calls `listener` whenever a writer in this process announces events; returns the unsubscribe. */
export function onEvents(listener: EventsListener): () => void {
  inProcess.on('events', listener);
  return () => inProcess.off('events', listener);
}

export interface EventsListening {
  close(): Promise<void>;
}

/**
 * LISTENs on `ensemble_events` in a PostgreSQL database and calls `listener` with each
 * notifying source, for readers in other processes than the writer. A lost connection is
 * opened again after `retryMs` (notifications sent meanwhile are lost: the reader's poll
 * covers them, and `listener('*')` is called on reconnect so it re-reads at once).
 */
export async function listenForEvents(databaseUrl: string, listener: EventsListener, options: { retryMs?: number; log?: (line: string) => void } = {}): Promise<EventsListening> {
  const retryMs = options.retryMs ?? 2_000;
  let closed = false;
  let client: Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3_000, keepAlive: true });
    next.on('notification', (message) => listener(message.payload ?? '*'));
    next.on('error', (error) => {
      options.log?.(`events: LISTEN connection lost (${error.message}); retrying`);
      void next.end().catch(() => undefined);
      if (client === next) client = undefined;
      schedule();
    });
    await next.connect();
    await next.query(`LISTEN ${EVENTS_CHANNEL}`);
    if (closed) return void (await next.end());
    client = next;
  };
  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        () => listener('*'),
        () => schedule(),
      );
    }, retryMs);
    retry.unref();
  };
  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
