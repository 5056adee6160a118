import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { createHandler } from 'graphql-sse';
import type { HttpHandler } from '../../kit';
import { BodyTooLargeError, readBody } from '../../kit/server/readBody';
import { identityOf } from '../auth/withAuthentication';
import { callerKey } from './CallerSubscriptions';
import type { SubscriptionContext } from './subscribeEntityChanged';
import type { SubscriptionTransport } from './SubscriptionTransport';

/**
 * GraphQL over Server-Sent Events (graphql-sse, "distinct connections" mode: one request,
 * one subscription). Mount it behind the gateway's authentication and CORS: the identity is
 * the request's. The single-connection mode is off: its reservations would hold memory for
 * streams nobody opens.
 */
export function serveSse(transport: SubscriptionTransport): HttpHandler {
  const handler = createHandler<IncomingMessage, { response: ServerResponse }, SubscriptionContext>({
    authenticate: () => null,
    onSubscribe: (request, params) => {
      const prepared = transport.prepare(params);
      if (Array.isArray(prepared)) return { errors: prepared };
      const identity = identityOf(request.raw);
      const acquired = transport.callers.acquire(callerKey(identity, request.raw.socket.remoteAddress));
      if (!acquired.ok) return { errors: [new GraphQLError(acquired.reason, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })] };
      const response = request.context.response;
      response.once('close', acquired.release);
      const disconnect = (reason: string) => {
        transport.log(`gateway: closing an event stream: ${reason}`);
        response.destroy();
      };
      return { schema: transport.schema()!, ...prepared, contextValue: { run: transport.runAs(identity), disconnect } };
    },
    subscribe: transport.subscribe,
  });
  return async (request, response) => {
    let body: string;
    try {
      body = await readBody(request, transport.settings.maxMessageBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      response.writeHead(413, { 'content-type': 'text/plain' }).end(error.message);
      return;
    }
    const [result, init] = await handler({
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      headers: { get: (key) => [request.headers[key] ?? []].flat().join('\n') || null },
      body,
      raw: request,
      context: { response },
    });
    response.writeHead(init.status, init.statusText, init.headers as Record<string, string>);
    if (!result || typeof result === 'string') {
      response.end(result);
      return;
    }
    response.once('close', () => void result.return(undefined));
    for await (const chunk of result) {
      if (!response.writable) break;
      // Waits for the socket to take each event: a reader that stops reading stops the stream here.
      await new Promise<void>((resolve, reject) => response.write(chunk, (error) => (error ? reject(error) : resolve())));
    }
    response.end();
  };
}
