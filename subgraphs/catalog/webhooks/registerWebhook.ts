import { InputError, type CallerIdentity } from '../../../kit';
import type { PrismaClient, Webhook } from '../../../prisma/catalog/generated/client';
import { entityFilterSql, type EntityFilterInput } from '../data/entityFilterSql';
import type { WebhookOptions } from './webhookOptions';
import { checkWebhookUrl } from './webhookTarget';

export const SECRET_LENGTH = { min: 16, max: 256 };
export const MAX_CHANGES = 20;
const CHANGE_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

export interface WebhookInput {
  url: string;
  secret: string;
  filter?: EntityFilterInput | null;
  changes?: readonly string[] | null;
}

/** Who a webhook belongs to: the user's ref, or `anonymous` (development mode only lets those in). */
export function registrantKeyOf(identity: CallerIdentity): string {
  return identity.type === 'user' ? identity.userEntityRef : 'anonymous';
}

/**
 * Stores a webhook for `identity` after checking every input, starting at the feed's head:
 * it delivers what changes after it was registered, never the past.
 */
export async function registerWebhook(
  prisma: PrismaClient,
  identity: CallerIdentity,
  input: WebhookInput,
  options: WebhookOptions,
): Promise<Webhook> {
  const url = checkWebhookUrl(input.url, options);
  if (input.secret.length < SECRET_LENGTH.min || input.secret.length > SECRET_LENGTH.max) {
    throw new InputError(`A webhook secret must be ${SECRET_LENGTH.min} to ${SECRET_LENGTH.max} characters long`);
  }
  const changes = checkChanges(input.changes ?? []);
  // Builds the filter's SQL once, only to refuse a bad filter now rather than at delivery.
  entityFilterSql(input.filter ?? null);
  const registrantKey = registrantKeyOf(identity);
  const held = await prisma.webhook.count({ where: { registrantKey } });
  if (held >= options.maxPerRegistrant) throw new InputError(`A registrant may hold at most ${options.maxPerRegistrant} webhooks; remove one first`);
  const cursor = options.feed ? await options.feed.head() : null;
  return prisma.webhook.create({
    data: {
      registrant: identity as object,
      registrantKey,
      url,
      secret: input.secret,
      filter: input.filter ? (JSON.parse(JSON.stringify(input.filter)) as object) : undefined,
      changes,
      cursor,
    },
  });
}

function checkChanges(changes: readonly string[]): string[] {
  if (changes.length > MAX_CHANGES) throw new InputError(`A webhook may name at most ${MAX_CHANGES} kinds of change`);
  const bad = changes.find((change) => !CHANGE_NAME.test(change));
  if (bad !== undefined) throw new InputError(`"${bad}" is not a kind of change: use names such as CREATED, UPDATED, DELETED, ORPHANED or a plugin's PIPELINE_FAILED`);
  return [...new Set(changes)];
}
