import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP proxy that counts the GraphQL requests it passes on. */
export interface CountingProxy {
  /** The proxy's URL for the target's GraphQL endpoint. */
  url: string;
  /** GraphQL requests (POST) passed on since the last reset. */
  readonly count: number;
  reset(): void;
  stop(): Promise<void>;
}

/**
 * Puts a counting proxy in front of `targetUrl` (e.g. a subgraph's or the gateway's
 * `/graphql`): every request goes through unchanged, so signatures still hold; a
 * target that is down is answered 502, as a dead server would be seen.
 */
export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
  const target = new URL(targetUrl);
  let count = 0;
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (incoming.method === 'POST') count += 1;
    const forward = request(
      // No keep-alive towards the target: a target restarted on the same port gets fresh sockets.
      { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, host: target.host }, agent: false },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end('target unavailable');
    });
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    get count() {
      return count;
    },
    reset: () => {
      count = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
