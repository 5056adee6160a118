import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from '../../gateway/auth/createAuthenticator';
import { BodyTooLargeError, DomainError, readBody, sendError, sendJson, type CallerIdentity, type HttpHandler, type Routes } from '../../kit';
import type { Registry } from '../createRegistry';
import type { RegistryAccess } from '../registryAccess';
import { CheckFailedError } from '../registryErrors';
import { jsonObject, optionalText, positiveInteger, routingUrl, sdlOf, subgraphName, usageReport } from './registryInput';

/** Request bodies: an SDL of up to 1 MB, as JSON. */
const MAX_BODY_BYTES = 2_000_000;
const MAX_HISTORY = 500;

export interface RegistryRoutesOptions {
  registry: Registry;
  authenticate: Authenticator;
  access: RegistryAccess;
  log: (line: string) => void;
}

/**
 * The registry's HTTP API under /registry/ (docs/registry.md): JSON in and out, every
 * call authenticated as the gateway authenticates (API tokens, JWTs, anonymous mode).
 */
export function registryRoutes(options: RegistryRoutesOptions): Routes {
  const { registry, access } = options;
  const route = (method: 'GET' | 'POST', handle: (request: IncomingMessage, response: ServerResponse, identity: CallerIdentity) => Promise<unknown>): HttpHandler =>
    async (request, response) => {
      if (request.method !== method) return sendError(response, 405, 'METHOD_NOT_ALLOWED', `Use ${method}`);
      const outcome = options.authenticate(request);
      if (!outcome.ok) {
        options.log(`registry: refused a request: ${outcome.reason}`);
        response.setHeader('www-authenticate', 'Bearer');
        return sendError(response, 401, 'UNAUTHENTICATED', 'Authentication required: send a valid API token or JWT as "Authorization: Bearer <token>"');
      }
      try {
        const body = await handle(request, response, outcome.identity);
        if (body !== undefined) sendJson(response, 200, body);
      } catch (error) {
        answerError(response, error);
      }
    };
  const body = async (request: IncomingMessage) => jsonObject(await readBody(request, MAX_BODY_BYTES));
  return {
    '/registry/supergraph': route('GET', async (request, response, identity) => {
      access.assertMayRead(identity);
      const version = await registry.currentVersion();
      if (version === null) return sendError(response, 404, 'NOT_FOUND', 'Nothing has been published yet');
      const etag = `"${version}"`;
      response.setHeader('etag', etag);
      // A gateway's poll: the version it has is still current, so no SDL is read or sent.
      if (request.headers['if-none-match'] === etag) {
        response.statusCode = 304;
        return void response.end();
      }
      const current = await registry.current();
      if (!current) return sendError(response, 404, 'NOT_FOUND', 'Nothing has been published yet');
      response.setHeader('etag', `"${current.version}"`);
      return { version: current.version, supergraphSdl: current.supergraphSdl };
    }),
    '/registry/check': route('POST', async (request, _response, identity) => {
      access.assertMayRead(identity);
      const input = await body(request);
      return registry.check({ name: subgraphName(input.subgraph), sdl: sdlOf(input.sdl), url: input.url === undefined ? undefined : routingUrl(input.url) });
    }),
    '/registry/publish': route('POST', async (request, _response, identity) => {
      const input = await body(request);
      const name = subgraphName(input.subgraph);
      access.assertMayPublish(identity, name);
      return registry.publish({
        name,
        sdl: sdlOf(input.sdl),
        url: routingUrl(input.url),
        force: input.force === true,
        reason: optionalText(input.reason, 'reason', 500),
        publishedBy: who(identity),
      });
    }),
    '/registry/history': route('GET', async (request, _response, identity) => {
      access.assertMayRead(identity);
      const limit = new URL(request.url ?? '/', 'http://localhost').searchParams.get('limit');
      return { versions: await registry.history(limit === null ? 20 : positiveInteger(limit, 'limit', MAX_HISTORY)) };
    }),
    '/registry/rollback': route('POST', async (request, _response, identity) => {
      access.assertMayRollBack(identity);
      const input = await body(request);
      return registry.rollback(positiveInteger(input.version, 'version', 2 ** 31 - 1), who(identity), optionalText(input.reason, 'reason', 500));
    }),
    '/registry/usage': route('POST', async (request, response, identity) => {
      access.assertMayRead(identity);
      await registry.recordUsage(usageReport(await body(request)));
      response.statusCode = 204;
      response.end();
    }),
  };
}

function who(identity: CallerIdentity): string {
  return identity.type === 'user' ? identity.userEntityRef : 'anonymous';
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404, CHECK_FAILED: 409 };

function answerError(response: ServerResponse, error: unknown): void {
  if (error instanceof BodyTooLargeError) return sendError(response, 413, 'PAYLOAD_TOO_LARGE', error.message);
  if (error instanceof CheckFailedError) {
    return sendJson(response, 409, { errors: [{ message: error.message, extensions: { code: error.code } }], report: error.report });
  }
  if (error instanceof DomainError && STATUS[error.code]) return sendError(response, STATUS[error.code], error.code, error.message);
  throw error;
}
