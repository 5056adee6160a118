import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { BodyTooLargeError, readBody } from './readBody';

export interface GraphQLHandlerOptions<Context extends BaseContext> {
  /** Builds the per-request context from the incoming request. */
  context: (request: IncomingMessage) => Promise<Context>;
  /** Largest accepted body; Apollo's standalone server allows 50 MB, far more than a query needs. */
  maxBodyBytes?: number;
  /** Runs on the raw body before anything parses it; a rejection is answered as it is. */
  guard?: RequestGuard;
}

/** Why a request is refused before Apollo sees it, as the HTTP answer to give. */
export interface RequestRejection {
  status: number;
  code: string;
  message: string;
}

/** Inspects a request and its raw body (a signature check, say); `undefined` lets it through. */
export type RequestGuard = (request: IncomingMessage, body: string) => RequestRejection | undefined;

export type HttpHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** Serves an Apollo Server over plain `node:http`: the one integration gateway and subgraphs share. */
export function createGraphQLHandler<Context extends BaseContext>(
  server: ApolloServer<Context>,
  options: GraphQLHandlerOptions<Context>,
): HttpHandler {
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  return async (request, response) => {
    let body: unknown;
    try {
      const text = await readBody(request, maxBodyBytes);
      const rejection = options.guard?.(request, text);
      if (rejection) return sendError(response, rejection.status, rejection.code, rejection.message);
      body = parseBody(text, request.headers['content-type']);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendError(response, 413, 'PAYLOAD_TOO_LARGE', error.message);
      if (error instanceof SyntaxError) return sendError(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
      throw error;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
      context: () => options.context(request),
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  // Apollo decides what content types it accepts (CSRF prevention); we only decode JSON.
  return contentType?.toLowerCase().includes('application/json') ? JSON.parse(text) : text;
}

/** A JSON answer of any shape (webhooks, the registry's API). */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(body));
}

/** The first value of a request header (Node gives a list for repeated ones). */
export function firstHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
