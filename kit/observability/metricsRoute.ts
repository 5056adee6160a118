import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { HttpHandler } from '../server/graphqlHandler';
import { sendError } from '../server/graphqlHandler';
import type { ProcessMetrics } from './metrics';

/** Shorter scrape tokens are refused at start: a token that can be guessed protects nothing. */
export const MIN_METRICS_TOKEN_LENGTH = 16;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * `GET /metrics` in Prometheus' text format. It is not part of the graph, and who may read
 * it is decided here: with a token (ENSEMBLE_METRICS_TOKEN) only `Authorization: Bearer
 * <token>`; without one only callers on the same machine (loopback), so a process started
 * without configuration never shows its numbers to the network (docs/operations.md).
 */
export function metricsRoute(metrics: ProcessMetrics, token: string | undefined): HttpHandler {
  if (token !== undefined) assertUsableMetricsToken(token);
  const expected = token === undefined ? undefined : digest(token);
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 405, 'METHOD_NOT_ALLOWED', 'Use GET');
    if (expected ? !presents(request, expected) : !LOOPBACK.has(request.socket.remoteAddress ?? '')) {
      response.setHeader('www-authenticate', 'Bearer');
      return sendError(response, expected ? 401 : 403, 'FORBIDDEN', expected ? 'A metrics token is required' : 'Metrics are served to loopback callers only unless a token is set');
    }
    const text = await metrics.registry.metrics();
    response.statusCode = 200;
    response.setHeader('content-type', metrics.registry.contentType);
    response.end(request.method === 'HEAD' ? undefined : text);
  };
}

export function assertUsableMetricsToken(token: string): void {
  if (token.length < MIN_METRICS_TOKEN_LENGTH) {
    throw new Error(`The metrics token must be at least ${MIN_METRICS_TOKEN_LENGTH} characters long (it is ${token.length})`);
  }
}

/** Compared as digests, in constant time: the answer must not tell how much of a guess was right. */
function presents(request: IncomingMessage, expected: Buffer): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer (.{1,512})$/.exec(header);
  return match !== null && timingSafeEqual(digest(match[1]), expected);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
