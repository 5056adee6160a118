import { sendError, type HttpHandler } from '../../kit';

/** Headers a browser page may send to the gateway: JSON, Apollo's CSRF headers, credentials. */
const ALLOWED_HEADERS = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, apollographql-client-name, apollographql-client-version';

/**
 * CORS for the gateway with an exact allow-list of origins (never `*`). A request from
 * another origin is refused outright (403) rather than run and hidden from the page:
 * a cross-site page must not be able to make the gateway do work at all. Requests
 * without an Origin (curl, servers) pass. `allowedOrigins` is read per request because
 * the default list names the port the server got.
 */
export function withCors(handler: HttpHandler, allowedOrigins: () => ReadonlySet<string>): HttpHandler {
  return async (request, response) => {
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!allowedOrigins().has(origin.toLowerCase())) {
        return sendError(response, 403, 'CORS_ORIGIN_NOT_ALLOWED', 'This origin may not call the gateway');
      }
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('vary', 'origin');
    }
    if (request.method === 'OPTIONS') {
      response.statusCode = 204;
      response.setHeader('allow', 'GET, POST, OPTIONS');
      if (origin !== undefined) {
        response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
        response.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
        response.setHeader('access-control-max-age', '600');
      }
      response.end();
      return;
    }
    await handler(request, response);
  };
}

/**
 * Checks and normalises configured origins: each must be exactly an origin
 * (`https://portal.example.com`, no path, no trailing slash), and `*` is refused.
 */
export function parseCorsOrigins(origins: string[]): Set<string> {
  return new Set(
    origins.map((origin) => {
      if (origin.includes('*')) throw new Error(`CORS origins must be listed one by one; "${origin}" is not allowed`);
      let parsed: URL;
      try {
        parsed = new URL(origin);
      } catch {
        throw new Error(`Not a CORS origin: "${origin}" (expected e.g. https://portal.example.com)`);
      }
      if (parsed.origin !== origin.replace(/\/$/, '').toLowerCase() || parsed.origin === 'null') {
        throw new Error(`Not a CORS origin: "${origin}" (expected scheme://host[:port], nothing after it)`);
      }
      return parsed.origin;
    }),
  );
}
