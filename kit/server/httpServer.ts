import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { sendError, type HttpHandler } from './graphqlHandler';
import { metricsRoute } from '../observability/metricsRoute';
import { observeRequest, routeLabel, type ObserveOptions } from '../observability/observeRequests';

/** Routes by exact path; anything else is 404. */
export type Routes = Record<string, HttpHandler>;

export interface ListeningServer {
  server: Server;
  port: number;
  /**
   * Stops accepting, lets in-flight requests finish (closing each connection as its last
   * response ends), and resolves when none is left; after `drainTimeoutMs` (default 15 s)
   * whatever is still open is cut.
   */
  close(options?: { drainTimeoutMs?: number }): Promise<void>;
}

/**
 * An HTTP server for the given routes, listening on `host:port` (port 0 picks a free one).
 * Keep-alive outlives the gateway's pooled connections: Node's 5 s default made
 * "socket hang up" errors under load on this stack.
 */
export interface ListenOptions {
  port: number;
  host?: string;
  log: (line: string) => void;
  /** Answers paths no route names (the web UI); without it they are 404. */
  fallback?: HttpHandler;
  /** Counts and times every answer, serves GET /metrics, and traces requests when tracing is on. */
  observe?: ObserveOptions;
}

/**
 * How long a keep-alive connection that is idle when shutdown starts may still bring a
 * request (answered, with `Connection: close`) before it is ended. Ending it at once raced
 * with a request already on its way: the kernel answered that with a reset (9 resets under
 * a 10-connection load), where a client should get its answer or, later, a refused connection.
 */
const IDLE_GRACE_MS = 1_000;

export async function listen(ownRoutes: Routes, options: ListenOptions): Promise<ListeningServer> {
  const observe = options.observe;
  const routes = observe ? { ...ownRoutes, '/metrics': metricsRoute(observe.metrics, observe.metricsToken) } : ownRoutes;
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  /** Each open connection and how many of its requests are being answered. */
  const connections = new Map<Socket, number>();
  const endIfIdle = (socket: Socket) => {
    // end(), not destroy(): a FIN after the last answer, never a reset.
    if (connections.get(socket) === 0) socket.end();
  };
  const server = createServer((request, response) => {
    const socket = request.socket;
    connections.set(socket, (connections.get(socket) ?? 0) + 1);
    inFlight.add(response);
    if (closing) response.setHeader('connection', 'close');
    response.once('close', () => {
      inFlight.delete(response);
      if (connections.has(socket)) connections.set(socket, (connections.get(socket) ?? 1) - 1);
      // Node closes a `Connection: close` answer's socket itself; this covers any other.
      if (closing) endIfIdle(socket);
    });
    const path = pathOf(request);
    if (!observe) return void route(routes, path, request, response, options);
    void observeRequest(observe, routeLabel(routes, path, options.fallback !== undefined), request, response, () => route(routes, path, request, response, options));
  });
  server.on('connection', (socket: Socket) => {
    connections.set(socket, 0);
    socket.once('close', () => connections.delete(socket));
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: ({ drainTimeoutMs = 15_000 } = {}) =>
      new Promise<void>((resolve) => {
        closing = true;
        // Tell clients of requests in flight not to send another on the same connection.
        for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
        const cut = setTimeout(() => server.closeAllConnections(), drainTimeoutMs).unref();
        const idle = setTimeout(() => connections.forEach((_, socket) => endIfIdle(socket)), Math.min(IDLE_GRACE_MS, drainTimeoutMs)).unref();
        // Node >= 19 ends idle keep-alive connections in close() itself: the grace above replaces that.
        const closeIdle = server.closeIdleConnections;
        server.closeIdleConnections = () => undefined;
        server.close(() => {
          clearTimeout(cut);
          clearTimeout(idle);
          resolve();
        });
        server.closeIdleConnections = closeIdle;
      }),
  };
}

const pathOf = (request: IncomingMessage) => new URL(request.url ?? '/', 'http://localhost').pathname;

async function route(routes: Routes, path: string, request: IncomingMessage, response: ServerResponse, options: ListenOptions): Promise<void> {
  const handler = routes[path] ?? options.fallback;
  const log = options.log;
  try {
    if (!handler) return sendError(response, 404, 'NOT_FOUND', `No route for ${path}`);
    await handler(request, response);
  } catch (error) {
    log(`request to ${path} failed: ${error instanceof Error ? error.stack : String(error)}`);
    if (!response.headersSent) sendError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    else response.end();
  }
}

/** `GET` handler answering a JSON body with 200, or 503 when `check` throws. */
export function healthRoute(check: () => Promise<Record<string, unknown>>): HttpHandler {
  return async (_request, response) => {
    response.setHeader('content-type', 'application/json');
    try {
      const details = await check();
      response.statusCode = 200;
      response.end(JSON.stringify({ status: 'ok', ...details }));
    } catch (error) {
      response.statusCode = 503;
      response.end(JSON.stringify({ status: 'unavailable', reason: error instanceof Error ? error.message : String(error) }));
    }
  };
}
