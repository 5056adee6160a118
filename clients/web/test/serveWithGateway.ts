import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebAppHandler } from '../server/serveWebApp';

export interface RunningWebApp {
  url: string;
  stop(): Promise<void>;
}

/**
 * What the gateway will do once it mounts the UI: `/graphql` and `/plugins` go to the gateway, every
 * other path to the web app handler, on one origin. Until then the browser test serves it
 * this way (a plain pass-through proxy; the Origin header is kept, so the gateway's CORS
 * check sees the page's origin). `gatewayUrl` is asked per request: the gateway starts after
 * this server, whose origin it must allow.
 */
export async function serveWithGateway({ distDir, gatewayUrl }: { distDir: string; gatewayUrl: () => string }): Promise<RunningWebApp> {
  const handler = createWebAppHandler({ distDir });
  const server: Server = createServer((incoming, outgoing) => {
    if (!incoming.url?.startsWith('/graphql') && incoming.url !== '/plugins') {
      handler(incoming, outgoing).catch(() => outgoing.destroy());
      return;
    }
    const gateway = new URL(gatewayUrl());
    const upstream = forward(
      { host: gateway.hostname, port: gateway.port, path: incoming.url === '/plugins' ? '/plugins' : gateway.pathname, method: incoming.method, headers: { ...incoming.headers, host: gateway.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
