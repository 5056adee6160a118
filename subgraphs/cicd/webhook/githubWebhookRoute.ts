import { firstHeader as header, hasValidGithubSignature, InputError, NotFoundError, readPostedBody, sendError, sendJson, type HttpHandler } from '../../../kit';
import { recordPipelineRun } from '../data/recordPipelineRun';
import { requireProjectAsService } from '../graph/requireReadableProject';
import { workflowRunToInput } from '../model/workflowRunToInput';
import type { CicdServices } from '../services';

export const GITHUB_WEBHOOK_PATH = '/webhooks/github';

/** workflow_run payloads are tens of kilobytes; GitHub caps any payload at 25 MB. */
const MAX_BODY_BYTES = 1_000_000;

/**
 * `POST /webhooks/github`: records a GitHub Actions `workflow_run` delivery as a pipeline
 * run and answers 202 with its id. Other events are acknowledged with 200 and ignored, so
 * GitHub neither retries them nor shows them as failed. A delivery whose signature does
 * not match the secret is refused with 401 before its body is even parsed; without a
 * secret every delivery is, unless unsigned ones were allowed for development.
 */
export function githubWebhookRoute(services: CicdServices): HttpHandler {
  return async (request, response) => {
    const body = await readPostedBody(request, response, GITHUB_WEBHOOK_PATH, MAX_BODY_BYTES);
    if (body === undefined) return;
    // A delivery records runs with no caller's permission: only the secret vouches for it.
    if (!services.webhookSecret) {
      if (!services.acceptUnsignedWebhooks) {
        return sendError(response, 401, 'UNAUTHENTICATED', 'Webhook deliveries are refused: no webhook secret is configured');
      }
    } else if (!hasValidGithubSignature(body, header(request, 'x-hub-signature-256'), services.webhookSecret)) {
      return sendError(response, 401, 'UNAUTHENTICATED', 'The x-hub-signature-256 header is missing or does not match the webhook secret');
    }
    const event = header(request, 'x-github-event');
    if (!event) return sendError(response, 400, 'BAD_REQUEST', 'The x-github-event header is missing');
    if (event !== 'workflow_run') return sendJson(response, 200, { ignored: `"${event}" events are not recorded, only workflow_run` });
    let input: ReturnType<typeof workflowRunToInput>;
    try {
      input = workflowRunToInput(parsePayload(body, header(request, 'content-type')));
      // Signed is not enough: a run is recorded only for a repository an entity carries.
      if (input.projectSlug) await requireProjectAsService(services.graph, input.projectSlug);
    } catch (error) {
      if (error instanceof SyntaxError) return sendError(response, 400, 'BAD_REQUEST', 'The body is not valid JSON');
      if (error instanceof InputError) return sendError(response, 400, 'BAD_REQUEST', error.message);
      if (error instanceof NotFoundError) return sendError(response, 404, 'NOT_FOUND', error.message);
      return sendError(response, 503, 'UNAVAILABLE', error instanceof Error ? error.message : 'The catalog could not be asked');
    }
    try {
      const run = await recordPipelineRun(services.prisma, input);
      sendJson(response, 202, { id: run.id, externalId: run.externalId });
    } catch (error) {
      if (error instanceof InputError) return sendError(response, 400, 'BAD_REQUEST', error.message);
      throw error;
    }
  };
}

/** GitHub sends JSON, or the same JSON as a `payload` form field when the hook is set to form encoding. */
function parsePayload(body: string, contentType: string | undefined): unknown {
  if (contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    const payload = new URLSearchParams(body).get('payload');
    if (payload === null) throw new InputError('The form body has no "payload" field');
    return JSON.parse(payload);
  }
  return JSON.parse(body);
}
