import type { SqlReads } from '../database/sqlClient';
import { InputError } from '../errors/domainErrors';
import type { HttpHandler, RequestGuard } from '../server/graphqlHandler';
import { sendError } from '../server/graphqlHandler';
import { BodyTooLargeError, readBody } from '../server/readBody';
import { readEvents } from './eventLog';
import { EventsExpiredError } from './eventTypes';

/** The path every event source's subgraph serves its log on (never part of the public graph). */
export const EVENTS_PATH = '/events';

/**
 * `POST /events` with `{ "after": <position>, "limit": <1..1000> }`: the source's events after
 * that position (readEvents), as JSON `{ events, head }`. Signed like the gateway's GraphQL
 * requests (the guard); 400 for bad input, 410 when the position expired with retention.
 */
export function eventsRoute(source: string, reads: SqlReads, guard: RequestGuard | undefined): HttpHandler {
  return async (request, response) => {
    if (request.method !== 'POST') return sendError(response, 405, 'METHOD_NOT_ALLOWED', 'POST { after, limit } to read events');
    let text: string;
    try {
      text = await readBody(request, 1_024);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendError(response, 413, 'PAYLOAD_TOO_LARGE', error.message);
      throw error;
    }
    const rejection = guard?.(request, text);
    if (rejection) return sendError(response, rejection.status, rejection.code, rejection.message);
    let body: { after?: unknown; limit?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return sendError(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
    }
    try {
      const page = await readEvents(reads, source, { after: Number(body?.after ?? 0), limit: Number(body?.limit ?? 100) });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(page));
    } catch (error) {
      if (error instanceof EventsExpiredError) {
        response.statusCode = 410;
        response.setHeader('content-type', 'application/json');
        return void response.end(JSON.stringify({ errors: [{ message: error.message, extensions: { code: 'EVENTS_EXPIRED', oldest: error.oldest } }] }));
      }
      if (error instanceof InputError) return sendError(response, 400, 'BAD_USER_INPUT', error.message);
      throw error;
    }
  };
}
