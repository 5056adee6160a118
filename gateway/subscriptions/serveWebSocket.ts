import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError } from 'graphql';
import { handleProtocols } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { DELEGATION_HEADER, type CallerIdentity } from '../../kit';
import { callerKey } from './CallerSubscriptions';
import type { SubscriptionContext } from './subscribeEntityChanged';
import type { SubscriptionTransport } from './SubscriptionTransport';

/** The WebSocket close code for a subscriber cut off because it did not keep up. */
export const SLOW_CONSUMER_CLOSE_CODE = 4008;

interface Connection {
  identity: CallerIdentity | undefined;
  /** Open subscriptions by id, each with the release of its caller count. */
  subscriptions: Map<string, () => void>;
}

/**
 * GraphQL over WebSocket (graphql-ws) on `path` of the gateway's HTTP server. Credentials
 * come as for HTTP, in the upgrade's `Authorization` header, or (browsers cannot set one)
 * as `authorization` in `connection_init`'s payload; a browser's Origin must be allowed.
 */
export function serveWebSocket(server: Server, path: string, transport: SubscriptionTransport): { close(): Promise<void> } {
  const { settings, log } = transport;
  const connections = new WeakMap<WebSocket, Connection>();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: settings.maxMessageBytes, handleProtocols });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== path) return refuse(socket, 404, 'Not Found');
    const origin = request.headers.origin;
    if (origin !== undefined && !transport.allowedOrigins().has(origin.toLowerCase())) return refuse(socket, 403, 'Forbidden');
    let identity: CallerIdentity | undefined;
    if (request.headers.authorization !== undefined || request.headers[DELEGATION_HEADER] !== undefined) {
      const outcome = transport.authenticate(request);
      if (!outcome.ok) {
        log(`gateway: refused a WebSocket from ${request.socket.remoteAddress ?? 'unknown'}: ${outcome.reason}`);
        return refuse(socket, 401, 'Unauthorized');
      }
      identity = outcome.identity;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      connections.set(webSocket, { identity, subscriptions: new Map() });
      sockets.emit('connection', webSocket, request);
    });
  };
  server.on('upgrade', onUpgrade);
  const releaseAll = (connection: Connection | undefined) => {
    for (const release of connection?.subscriptions.values() ?? []) release();
    connection?.subscriptions.clear();
  };
  const disposable = useServer(
    {
      isProd: transport.production,
      connectionInitWaitTimeout: settings.connectionInitTimeoutMs,
      onConnect: (context) => {
        const connection = connections.get(context.extra.socket);
        if (!connection) return false;
        if (connection.identity) return true;
        // No credentials on the upgrade: the payload's, or none (anonymous where the gateway allows it).
        const authorization = context.connectionParams?.authorization;
        if (authorization !== undefined && typeof authorization !== 'string') return false;
        const outcome = transport.authenticate({ headers: authorization ? { authorization } : {} } as IncomingMessage);
        if (!outcome.ok) {
          log(`gateway: refused a WebSocket's connection_init from ${context.extra.request.socket.remoteAddress ?? 'unknown'}: ${outcome.reason}`);
          return false;
        }
        connection.identity = outcome.identity;
        return true;
      },
      onSubscribe: (context, id, payload) => {
        const socket = context.extra.socket;
        const connection = connections.get(socket);
        if (!connection?.identity) return [new GraphQLError('Not authenticated', { extensions: { code: 'UNAUTHENTICATED' } })];
        if (connection.subscriptions.size >= settings.maxPerConnection) {
          return [new GraphQLError(`Too many subscriptions: at most ${settings.maxPerConnection} per connection`, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })];
        }
        const prepared = transport.prepare(payload);
        if (Array.isArray(prepared)) return prepared;
        const acquired = transport.callers.acquire(callerKey(connection.identity, context.extra.request.socket.remoteAddress));
        if (!acquired.ok) return [new GraphQLError(acquired.reason, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })];
        connection.subscriptions.set(id, acquired.release);
        const contextValue: SubscriptionContext = {
          run: transport.runAs(connection.identity),
          disconnect: (reason) => {
            log(`gateway: closing a WebSocket: ${reason}`);
            socket.close(SLOW_CONSUMER_CLOSE_CODE, reason.slice(0, 120));
          },
        };
        return { schema: transport.schema()!, ...prepared, contextValue };
      },
      subscribe: transport.subscribe,
      onComplete: (context, id) => {
        const connection = connections.get(context.extra.socket);
        connection?.subscriptions.get(id)?.();
        connection?.subscriptions.delete(id);
      },
      onClose: (context) => releaseAll(connections.get(context.extra.socket)),
    },
    sockets,
  );
  return {
    close: async () => {
      server.off('upgrade', onUpgrade);
      for (const socket of sockets.clients) {
        releaseAll(connections.get(socket));
        socket.close(1001, 'The gateway is shutting down');
      }
      await disposable.dispose();
    },
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
