import type { IncomingMessage } from 'node:http';
import { sendError, type CallerIdentity, type HttpHandler } from '../../kit';
import type { Authenticator } from './createAuthenticator';

const identities = new WeakMap<IncomingMessage, CallerIdentity>();

/**
 * Authenticates every request before the gateway parses or plans it: a request that
 * fails is answered 401 UNAUTHENTICATED, with one message whatever went wrong (the
 * reason goes to the log). The identity is kept for the request's GraphQL context.
 */
export function withAuthentication(handler: HttpHandler, authenticate: Authenticator, log: (line: string) => void): HttpHandler {
  return async (request, response) => {
    const outcome = authenticate(request);
    if (!outcome.ok) {
      log(`gateway: refused ${request.method ?? 'a'} request from ${request.socket.remoteAddress ?? 'unknown'}: ${outcome.reason}`);
      response.setHeader('www-authenticate', 'Bearer');
      return sendError(response, 401, 'UNAUTHENTICATED', 'Authentication required: send a valid API token or JWT as "Authorization: Bearer <token>"');
    }
    identities.set(request, outcome.identity);
    await handler(request, response);
  };
}

/** The identity `withAuthentication` established for a request. */
export function identityOf(request: IncomingMessage): CallerIdentity {
  const identity = identities.get(request);
  if (!identity) throw new Error('The request was not authenticated');
  return identity;
}
