import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A change as the system tests select it. */
export interface ReceivedChange {
  cursor: string;
  change: string;
  source: string;
  ref: string;
  fields: string[];
  entity: Record<string, unknown> | null;
}

/**
 * One subscription's deliveries, collected as they come, over graphql-ws or graphql-sse;
 * `next(n)` waits (generously: the machine is shared) for n more than were taken so far.
 */
export class CollectedEvents {
  readonly received: { change: ReceivedChange; at: number }[] = [];
  readonly errors: unknown[] = [];
  private taken = 0;
  private waiter: (() => void) | undefined;
  private stopper: (() => void) | undefined;
  private readonly clients: { dispose(): void | Promise<void> }[] = [];

  static overWebSocket(gatewayPort: number, token: string | undefined, query: string, variables: Record<string, unknown> = {}): CollectedEvents {
    const events = new CollectedEvents();
    const client: Client = createWsClient({
      url: `ws://127.0.0.1:${gatewayPort}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
    events.clients.push(client);
    events.stopper = client.subscribe<{ entityChanged: ReceivedChange }>({ query, variables }, events.sink());
    return events;
  }

  static overSse(gatewayPort: number, token: string, query: string, variables: Record<string, unknown> = {}): CollectedEvents {
    const events = new CollectedEvents();
    const client = createSseClient({ url: `http://127.0.0.1:${gatewayPort}/graphql/stream`, headers: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    events.clients.push(client);
    events.stopper = client.subscribe<{ entityChanged: ReceivedChange }>({ query, variables }, events.sink());
    return events;
  }

  private sink() {
    return {
      next: (result: { data?: { entityChanged: ReceivedChange } | null; errors?: unknown }) => {
        if (result.errors) this.errors.push(result.errors);
        if (result.data?.entityChanged) this.received.push({ change: result.data.entityChanged, at: Date.now() });
        this.waiter?.();
      },
      error: (error: unknown) => {
        // A closed WebSocket reports a CloseEvent, whose fields JSON would lose.
        const closed = error as { code?: number; reason?: string };
        this.errors.push(closed?.code !== undefined ? { code: closed.code, reason: closed.reason } : error);
        this.waiter?.();
      },
      complete: () => this.waiter?.(),
    };
  }

  /** The next `count` changes; fails after `timeoutMs` with what did arrive. */
  async next(count: number, timeoutMs = 60_000): Promise<{ change: ReceivedChange; at: number }[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < this.taken + count) {
      if (this.errors.length) throw new Error(`Subscription failed: ${JSON.stringify(this.errors)}`);
      if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${count} changes; got ${JSON.stringify(this.received.slice(this.taken))}`);
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        setTimeout(resolve, 500);
      });
    }
    const taken = this.received.slice(this.taken, this.taken + count);
    this.taken += count;
    return taken;
  }

  /** Waits (up to `timeoutMs`) for a change of `ref`, and takes everything up to it; false when none came. */
  async takeThrough(ref: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex(({ change }, at) => at >= this.taken && change.ref === ref);
      if (index >= 0) {
        this.taken = index + 1;
        return true;
      }
      if (this.errors.length) throw new Error(`Subscription failed: ${JSON.stringify(this.errors)}`);
      if (Date.now() > deadline) return false;
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        setTimeout(resolve, 200);
      });
    }
  }

  /** Those received but not taken yet. */
  pending(): ReceivedChange[] {
    return this.received.slice(this.taken).map(({ change }) => change);
  }

  async close(): Promise<void> {
    this.stopper?.();
    for (const client of this.clients) await client.dispose();
  }
}
