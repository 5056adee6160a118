import { InputError, NotFoundError, requestAccess } from '../../../kit';
import type { Webhook, WebhookDelivery } from '../../../prisma/catalog/generated/client';
import type { CatalogContext } from '../context';
import type { EntityFilterInput } from '../data/entityFilterSql';
import type { MutationResolvers, QueryResolvers, Resolvers } from '../generated/resolvers';
import { CATALOG_ACTIONS } from '../permissions/catalogActions';
import { catalogAccess } from '../permissions/catalogAccess';
import { deliverableEvents } from './deliverableEvents';
import { registerWebhook, registrantKeyOf } from './registerWebhook';
import type { WebhookEvent } from './webhookFeed';

export type WebhookParent = Webhook;
export type WebhookDeliveryParent = WebhookDelivery;

const MAX_PAGE = 100;

/** The caller's key, once `catalog.webhook.manage` is allowed: every webhook operation is on one's own webhooks. */
function manager(context: CatalogContext): string {
  catalogAccess(context).require(CATALOG_ACTIONS.webhookManage);
  return registrantKeyOf(requestAccess(context).identity);
}

export const webhookQueries: QueryResolvers = {
  webhooks: (_, __, context) => {
    if (!catalogAccess(context).allows(CATALOG_ACTIONS.webhookManage)) return [];
    return context.prisma.webhook.findMany({ where: { registrantKey: registrantKeyOf(requestAccess(context).identity) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  },
  webhookDeliveries: async (_, { webhookId, first, after }, context) => {
    const registrantKey = manager(context);
    const size = first ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw new InputError(`first must be 1 to ${MAX_PAGE}`);
    if (!(await context.prisma.webhook.count({ where: { id: webhookId, registrantKey } }))) throw new NotFoundError(`No webhook ${webhookId}`);
    const before = after == null ? undefined : seqOfCursor(after);
    const rows = await context.prisma.webhookDelivery.findMany({
      where: { webhookId, ...(before === undefined ? {} : { seq: { lt: before } }) },
      orderBy: { seq: 'desc' },
      take: size + 1,
    });
    const nodes = rows.slice(0, size);
    const last = nodes[nodes.length - 1];
    return { nodes, pageInfo: { hasNextPage: rows.length > size, endCursor: last ? Buffer.from(String(last.seq)).toString('base64url') : null } };
  },
};

export const webhookMutations: MutationResolvers = {
  registerWebhook: async (_, { input }, context) => {
    manager(context);
    const webhook = await registerWebhook(context.prisma, requestAccess(context).identity, input, context.webhooks.options);
    context.webhooks.ensureRunning();
    return webhook;
  },
  removeWebhook: async (_, { id }, context) => {
    const removed = await context.prisma.webhook.deleteMany({ where: { id, registrantKey: manager(context) } });
    return removed.count > 0;
  },
  redeliverWebhook: async (_, { deliveryId }, context) => {
    const registrantKey = manager(context);
    const original = await context.prisma.webhookDelivery.findFirst({ where: { id: deliveryId, webhook: { registrantKey } }, include: { webhook: true } });
    if (!original) throw new NotFoundError(`No delivery ${deliveryId}`);
    // Judged again now: a caller who may no longer read the entity does not get it again.
    const decision = requestAccess(context).authorize(CATALOG_ACTIONS.entityRead);
    const event = original.event as unknown as WebhookEvent;
    const filter = original.webhook.filter as EntityFilterInput | null;
    if (!(await deliverableEvents(context.reads, decision, filter, [event])).length) throw new NotFoundError(`No delivery ${deliveryId}`);
    const copy = await context.prisma.webhookDelivery.create({
      data: {
        webhookId: original.webhookId, eventCursor: original.eventCursor, source: original.source, ref: original.ref, change: original.change,
        event: original.event as object, status: 'PENDING', redeliveryOf: original.id,
      },
    });
    context.webhooks.worker?.wake();
    return copy;
  },
};

function seqOfCursor(cursor: string): bigint {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{1,19}$/.test(text)) throw new InputError(`"${cursor}" is not a cursor of this log`);
  return BigInt(text);
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const webhookTypes: Pick<Resolvers, 'Webhook' | 'WebhookDelivery'> = {
  Webhook: {
    createdAt: (webhook) => webhook.createdAt.toISOString(),
    pendingDeliveries: (webhook, _, context) => context.prisma.webhookDelivery.count({ where: { webhookId: webhook.id, status: 'PENDING' } }),
  },
  WebhookDelivery: {
    status: (delivery) => delivery.status as 'PENDING' | 'DELIVERED' | 'FAILED',
    lastStatusCode: (delivery) => delivery.lastStatus,
    nextAttemptAt: (delivery) => (delivery.status === 'PENDING' ? iso(delivery.nextAttemptAt) : null),
    createdAt: (delivery) => delivery.createdAt.toISOString(),
    finishedAt: (delivery) => iso(delivery.finishedAt),
    tries: async (delivery, _, context) =>
      (await context.prisma.webhookAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { attempt: 'asc' } })).map((row) => ({
        attempt: row.attempt, statusCode: row.status, error: row.error, durationMs: row.durationMs, at: row.at.toISOString(),
      })),
  },
};
