import { EventsExpiredError, isAllowed, type Policy, type SqlReads } from '../../../kit';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { CATALOG_ACTIONS } from '../permissions/catalogActions';
import type { ClaimedWebhook } from './claimWebhooks';
import { deliverableEvents } from './deliverableEvents';
import type { WebhookEvent, WebhookFeed } from './webhookFeed';

/** Events read from the feed per batch. */
const BATCH = 100;

/**
 * Moves one webhook forward along the feed: reads the events after its cursor, keeps those
 * it delivers (its kinds of change, its filter, what its registrant may read under the
 * policy now, while the registrant may still manage webhooks) as PENDING deliveries, and advances its cursor, in one transaction, so an
 * event is taken exactly once. Stops at `maxPending` undelivered deliveries: a receiver
 * that is down holds the webhook's intake, not the catalog's memory or database.
 * Returns how many events it read (or 1 when only its cursor moved: read again).
 */
export async function intakeEvents(
  prisma: PrismaClient,
  reads: SqlReads,
  feed: WebhookFeed,
  policy: Policy,
  webhook: ClaimedWebhook,
  worker: string,
  maxPending: number,
  log: (line: string) => void,
): Promise<number> {
  const pending = await prisma.webhookDelivery.count({ where: { webhookId: webhook.id, status: 'PENDING' } });
  const room = Math.min(BATCH, maxPending - pending);
  if (room <= 0) return 0;
  const { events, cursor } = await readOrSkipExpired(feed, webhook, room, log);
  if (cursor === webhook.cursor) return 0;
  // A registrant who may no longer manage webhooks gets nothing more; its events pass by.
  const manages = isAllowed(policy.decide({ action: CATALOG_ACTIONS.webhookManage }, webhook.registrant));
  const wanted = !manages ? [] : webhook.changes.length ? events.filter((event) => webhook.changes.includes(event.change)) : events;
  const decision = policy.decide({ action: CATALOG_ACTIONS.entityRead }, webhook.registrant);
  const deliver = await deliverableEvents(reads, decision, webhook.filter, wanted);
  await prisma.$transaction(async (tx) => {
    // Only while this worker still holds the lease: else another replica took the webhook over.
    const moved = await tx.webhook.updateMany({ where: { id: webhook.id, leaseOwner: worker, cursor: webhook.cursor }, data: { cursor } });
    if (moved.count !== 1) throw new LeaseLostError(webhook.id);
    // One INSERT whose rows take `seq` in feed order: it orders each entity's deliveries.
    await tx.webhookDelivery.createMany({
      data: deliver.map((event) => ({
        webhookId: webhook.id, eventCursor: event.cursor, source: event.source, ref: event.ref, change: event.change, event: asSent(event), status: 'PENDING',
      })),
    });
  });
  webhook.cursor = cursor;
  return Math.max(events.length, 1);
}

/** The webhook's cursor moved under this worker: another replica holds it now. */
export class LeaseLostError extends Error {
  constructor(id: string) {
    super(`webhook ${id}: lease lost to another worker`);
  }
}

/**
 * The next events, or none and the feed's head when retention removed events this webhook
 * had not taken yet (its intake was held longer than the feed keeps events): those cannot
 * be delivered any more; the log says so, and the webhook goes on from now.
 */
async function readOrSkipExpired(feed: WebhookFeed, webhook: ClaimedWebhook, limit: number, log: (line: string) => void) {
  try {
    return await feed.read(webhook.cursor, limit);
  } catch (error) {
    if (!(error instanceof EventsExpiredError)) throw error;
    log(`webhooks: webhook ${webhook.id} missed events removed by retention (${error.message}); it goes on from the feed's head`);
    return { events: [], cursor: await feed.head() };
  }
}

/**
 * The event as receivers get it: the entity as its descriptor (apiVersion, kind, metadata,
 * spec), not the catalog's stored row, whose other columns (the file it was read from,
 * its location's id) are the catalog's business.
 */
function asSent(event: WebhookEvent): object {
  const entity = event.entity as { descriptor?: unknown } | null;
  return { ...event, entity: entity && typeof entity === 'object' && 'descriptor' in entity ? entity.descriptor : entity };
}
