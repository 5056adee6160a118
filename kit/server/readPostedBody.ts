import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './graphqlHandler';
import { BodyTooLargeError, readBody } from './readBody';

/**
 * The body of a POST to a route that takes nothing else (a webhook), at most `limitBytes`;
 * undefined once it answered 405 to another method or 413 to a body too large.
 */
export async function readPostedBody(request: IncomingMessage, response: ServerResponse, route: string, limitBytes: number): Promise<string | undefined> {
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    sendError(response, 405, 'METHOD_NOT_ALLOWED', `${route} accepts POST only`);
    return undefined;
  }
  try {
    return await readBody(request, limitBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendError(response, 413, 'PAYLOAD_TOO_LARGE', error.message);
    return undefined;
  }
}
