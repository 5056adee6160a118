import { firstHeader as header, hasValidGithubSignature, readPostedBody, sendError, sendJson, type HttpHandler } from '../../../kit';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { markSourceChanged } from './claims/locationReadState';

export const SOURCE_PUSH_PATH = '/webhooks/source-push';

/** Push payloads list commits: hundreds of kilobytes at most for what is read here. */
const MAX_BODY_BYTES = 1_000_000;
const REPOSITORY_NAME = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;

/**
 * `POST /webhooks/source-push`: a GitHub `push` delivery makes every URL location of that
 * repository (`https://github.com/<owner>/<repo>/...` or raw.githubusercontent.com) due
 * now, so some replica reads it within a poll instead of at its next due time. Nothing is
 * read in the request. Deliveries must carry `x-hub-signature-256` made with the secret;
 * without a secret every delivery is refused.
 */
export function sourcePushRoute(prisma: PrismaClient, secret: string | undefined): HttpHandler {
  return async (request, response) => {
    const body = await readPostedBody(request, response, SOURCE_PUSH_PATH, MAX_BODY_BYTES);
    if (body === undefined) return;
    if (!secret) return sendError(response, 401, 'UNAUTHENTICATED', 'Push deliveries are refused: CATALOG_SOURCE_PUSH_SECRET is not set');
    if (!hasValidGithubSignature(body, header(request, 'x-hub-signature-256'), secret)) {
      return sendError(response, 401, 'UNAUTHENTICATED', 'The x-hub-signature-256 header is missing or does not match the webhook secret');
    }
    const event = header(request, 'x-github-event');
    if (event !== 'push') return sendJson(response, 200, { ignored: `only push events mark locations due, not "${event ?? ''}"` });
    let repository: unknown;
    try {
      repository = (JSON.parse(body) as { repository?: { full_name?: unknown } }).repository?.full_name;
    } catch {
      return sendError(response, 400, 'BAD_REQUEST', 'The body is not valid JSON');
    }
    if (typeof repository !== 'string' || !REPOSITORY_NAME.test(repository)) {
      return sendError(response, 400, 'BAD_REQUEST', 'repository.full_name must be "<owner>/<repository>"');
    }
    const due = await markSourceChanged(prisma, [`https://github.com/${repository}/`, `https://raw.githubusercontent.com/${repository}/`]);
    sendJson(response, 202, { locationsDue: due });
  };
}
