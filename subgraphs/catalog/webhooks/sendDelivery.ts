import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import type { ClaimedWebhook } from './claimWebhooks';
import type { DueDelivery } from './dueDeliveries';
import { retryDelayMs, type WebhookOptions } from './webhookOptions';
import { signWebhookBody, WEBHOOK_HEADERS } from './webhookSignature';
import { checkResolvedAddress } from './webhookTarget';

/** Longest error text kept in the log. */
const MAX_ERROR = 500;

/**
 * One HTTP attempt of one delivery, recorded in the log: any 2xx delivers it; anything
 * else (another status, a refused connection, no answer within the timeout) schedules the
 * next attempt with exponential backoff, or gives up after `maxAttempts`. Redirects are
 * not followed: a receiver answers where it was registered.
 */
export async function sendDelivery(
  prisma: PrismaClient,
  webhook: ClaimedWebhook,
  delivery: DueDelivery,
  options: Pick<WebhookOptions, 'timeoutMs' | 'maxAttempts' | 'backoffBaseMs' | 'backoffCapMs' | 'allowLoopback'>,
): Promise<boolean> {
  const body = JSON.stringify({ webhookId: webhook.id, deliveryId: delivery.id, event: delivery.event });
  const started = Date.now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    await checkResolvedAddress(webhook.url, options.allowLoopback);
    const response = await fetch(webhook.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Ensemble-Webhooks/1',
        [WEBHOOK_HEADERS.signature]: signWebhookBody(webhook.secret, body, Math.floor(started / 1000)),
        [WEBHOOK_HEADERS.delivery]: delivery.id,
        [WEBHOOK_HEADERS.event]: delivery.eventCursor,
      },
      body,
    });
    status = response.status;
    // The answer's body is not read: nothing in it matters, and a large one would cost memory.
    await response.body?.cancel().catch(() => undefined);
    if (status < 200 || status > 299) error = `HTTP ${status}`;
  } catch (caught) {
    error = describe(caught);
  }
  const attempt = delivery.attempts + 1;
  const delivered = error === null;
  const givenUp = !delivered && attempt >= options.maxAttempts;
  const finished = delivered || givenUp ? new Date() : null;
  await prisma.$transaction([
    prisma.webhookAttempt.create({ data: { deliveryId: delivery.id, attempt, status, error, durationMs: Date.now() - started } }),
    prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts: attempt,
        status: delivered ? 'DELIVERED' : givenUp ? 'FAILED' : 'PENDING',
        lastStatus: status,
        lastError: error,
        finishedAt: finished,
        nextAttemptAt: finished ?? new Date(Date.now() + retryDelayMs(options, attempt)),
      },
    }),
  ]);
  return delivered;
}

function describe(error: unknown): string {
  // AbortSignal.timeout's DOMException is not an Error in Node 20: known by its name.
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') return 'no answer within the timeout';
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return (error instanceof Error ? error.message + cause : String(error)).slice(0, MAX_ERROR);
}
