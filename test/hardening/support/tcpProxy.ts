import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Connections the proxy holds open on its client side. */
  readonly open: number;
  /** Stops listening and cuts every connection: a database that is down (ECONNREFUSED). */
  refuse(): Promise<void>;
  /** Listens again on the same port and forwards. */
  restore(): Promise<void>;
  /** Stops moving bytes on open connections and accepts new ones without forwarding: a database that hangs. */
  freeze(): void;
  /** Moves bytes again; connections accepted while frozen are cut. */
  thaw(): void;
  /** Resolves once no client-side connection is left open. */
  drained(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy in front of PostgreSQL, so a test can make the database go away
 * or hang without touching the real server.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  const held = new Set<Socket>();
  let frozen = false;
  let drainWaiters: (() => void)[] = [];
  const clients = new Set<Socket>();
  const forget = (client: Socket) => {
    clients.delete(client);
    if (clients.size === 0) {
      for (const resolve of drainWaiters) resolve();
      drainWaiters = [];
    }
  };
  const onConnection = (client: Socket) => {
    clients.add(client);
    client.on('close', () => forget(client));
    client.on('error', () => undefined);
    if (frozen) {
      held.add(client);
      return;
    }
    const upstream = connect(target.port, target.host);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    const pair = { client, upstream };
    pairs.add(pair);
    client.on('close', () => pairs.delete(pair));
  };
  let server: Server = createServer(onConnection);
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  await listen(0);
  const port = (server.address() as { port: number }).port;
  const cutAll = () => {
    for (const client of clients) client.destroy();
    for (const { upstream } of pairs) upstream.destroy();
  };
  return {
    port,
    get open() {
      return clients.size;
    },
    refuse: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        cutAll();
      }),
    restore: async () => {
      server = createServer(onConnection);
      await listen(port);
    },
    freeze: () => {
      frozen = true;
      for (const { client, upstream } of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    thaw: () => {
      frozen = false;
      for (const socket of held) socket.destroy();
      held.clear();
      for (const { client, upstream } of pairs) {
        client.pipe(upstream);
        upstream.pipe(client);
      }
    },
    drained: () => (clients.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => drainWaiters.push(resolve))),
    close: () =>
      new Promise<void>((resolve) => {
        cutAll();
        if (!server.listening) return resolve();
        server.close(() => resolve());
      }),
  };
}
