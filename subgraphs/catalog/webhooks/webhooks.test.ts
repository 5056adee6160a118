import { ALLOW, conditional, DENY, definePolicy, encodeIdentity, entityConditions, signedHeaders, userIdentity, type CallerIdentity } from '../../../kit';
import { postGraphQL, startTestSubgraph, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph } from '../../../kit/testing';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { createCatalogSubgraph } from '..';
import { createMemoryFeed } from './testing/memoryFeed';
import { eventually, startWebhookReceiver, type ReceivedDelivery } from './testing/startWebhookReceiver';
import { verifyWebhookSignature, WEBHOOK_HEADERS } from './webhookSignature';

/*
 * Webhooks end to end inside the catalog: registration through the graph as three callers,
 * deliveries to receivers on loopback (every signature verified), a 500 retried and logged,
 * order per entity, a hidden entity's events withheld from a restricted registrant, and
 * redelivery. The events come from a feed the test appends to (memoryFeed.ts); the entities
 * they name are real catalog entities, judged by the catalog's own permission SQL.
 */
const ADMIN = userIdentity('user:default/rosalind', ['group:default/admins']);
const TEAM_A = userIdentity('user:default/ada', ['group:default/team-a']);
const NOBODY = userIdentity('user:default/nobody', ['group:default/guests']);
/** Users whose catalog.webhook.manage the test takes away. */
const revoked = new Set<string>();
const policy = definePolicy((request, identity) => {
  if (identity.type === 'anonymous' || identity.ownershipEntityRefs.includes('group:default/guests')) return DENY;
  if (request.action === 'catalog.webhook.manage' && revoked.has(identity.userEntityRef)) return DENY;
  if (identity.ownershipEntityRefs.includes('group:default/admins')) return ALLOW;
  if (request.action === 'catalog.webhook.manage') return ALLOW;
  if (request.action === 'catalog.entity.read') return conditional(entityConditions.isEntityOwner({ claims: identity.ownershipEntityRefs }));
  return DENY;
});

const SECRET = 'a-webhook-secret-of-some-length';
const ENTITIES = ['a', 'b']
  .map((name) => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec: { type: service, lifecycle: production, owner: team-${name} }`)
  .concat('apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: { name: a-api }\nspec: { type: openapi, lifecycle: production, owner: team-a, definition: x }')
  .join('\n---\n');
const gone = (name: string, owner: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: { type: 'service', lifecycle: 'production', owner },
});

const memory = createMemoryFeed();
let catalog: RunningTestSubgraph<unknown>;
const as = (identity: CallerIdentity) => (query: string, variables?: Record<string, unknown>) =>
  postGraphQL(catalog.url, query, variables, signedHeaders(TEST_SUBGRAPH_SECRET, JSON.stringify({ query, variables }), Date.now(), encodeIdentity(identity)), { sign: false });
const REGISTER = 'mutation ($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id url changes filter } }';
const LOG = `query ($id: ID!, $first: Int, $after: String) { webhookDeliveries(webhookId: $id, first: $first, after: $after) {
  nodes { id eventCursor ref change status attempts lastStatusCode lastError redeliveryOf tries { attempt statusCode } } pageInfo { hasNextPage endCursor } } }`;

beforeAll(async () => {
  catalog = await startTestSubgraph(
    createCatalogSubgraph({
      refreshIntervalMs: 0,
      readAllowHosts: ['127.0.0.1'],
      webhooks: { allowLoopback: true, feed: memory.feed, backoffBaseMs: 1_000, backoffCapMs: 2_000, pollMs: 200 },
    }),
    { policy },
  );
  const applied = await as(ADMIN)('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied errors { message } } }', { yaml: ENTITIES });
  expect(applied.data?.applyEntities).toEqual({ applied: true, errors: [] });
}, 60_000);
afterAll(() => catalog?.stop());

const eventOf = (delivery: ReceivedDelivery) => (JSON.parse(delivery.body) as { event: { cursor: string; ref: string; change: string } }).event;

describe('webhooks', () => {
  it('delivers signed events in order per entity, retries a 500, withholds hidden entities, logs and redelivers', async () => {
    // The first attempt for entity a fails, on both receivers.
    const failFirstA = (body: string, received: readonly ReceivedDelivery[]) =>
      JSON.parse(body).event.ref === 'component:default/a' && !received.some((delivery) => eventOf(delivery).ref === 'component:default/a') ? 500 : 200;
    const teamReceiver = await startWebhookReceiver(failFirstA);
    const adminReceiver = await startWebhookReceiver(failFirstA);
    try {
      const team = await as(TEAM_A)(REGISTER, { input: { url: teamReceiver.url, secret: SECRET, filter: { kind: ['component'] } } });
      expect(team.errors).toBeUndefined();
      const admin = await as(ADMIN)(REGISTER, { input: { url: adminReceiver.url, secret: SECRET, changes: ['UPDATED'] } });
      expect(admin.errors).toBeUndefined();
      memory.append(
        { ref: 'component:default/a', change: 'UPDATED', entity: null },
        { ref: 'component:default/b', change: 'UPDATED', entity: null },
        { ref: 'component:default/a', change: 'UPDATED', entity: null },
        { ref: 'component:default/old-b', change: 'DELETED', entity: gone('old-b', 'team-b') },
        { ref: 'component:default/old-a', change: 'DELETED', entity: gone('old-a', 'team-a') },
        { ref: 'component:default/a', change: 'UPDATED', entity: null },
        { ref: 'api:default/a-api', change: 'UPDATED', entity: null },
        { ref: 'component:default/never-there', change: 'PIPELINE_FAILED', entity: null },
      );
      const delivered = (receiver: typeof teamReceiver) => receiver.received.filter((delivery) => delivery.status === 200);
      await eventually(() => delivered(teamReceiver).length >= 4 && delivered(adminReceiver).length >= 5, 'the deliveries');

      for (const delivery of [...teamReceiver.received, ...adminReceiver.received]) {
        expect(verifyWebhookSignature(SECRET, delivery.headers[WEBHOOK_HEADERS.signature] as string, delivery.body)).toBe(true);
        expect(verifyWebhookSignature('another-secret-entirely', delivery.headers[WEBHOOK_HEADERS.signature] as string, delivery.body)).toBe(false);
        expect(delivery.headers[WEBHOOK_HEADERS.event]).toBe(eventOf(delivery).cursor);
      }
      // Team a: its own component's events (never b's, nor the hidden deleted one, nor its API, outside the filter).
      const teamEvents = teamReceiver.received.map((delivery) => [eventOf(delivery).ref, eventOf(delivery).cursor, delivery.status]);
      expect(teamEvents.filter(([ref]) => ref === 'component:default/a')).toEqual([
        ['component:default/a', '1', 500],
        ['component:default/a', '1', 200],
        ['component:default/a', '3', 200],
        ['component:default/a', '6', 200],
      ]);
      expect(teamEvents.filter(([ref]) => ref !== 'component:default/a')).toEqual([['component:default/old-a', '5', 200]]);
      // Admin: only UPDATED, everything readable; b's event was not held behind a's failure.
      const adminEvents = adminReceiver.received.map((delivery) => `${eventOf(delivery).cursor}:${delivery.status}`);
      expect(adminEvents.filter((entry) => ['1', '3', '6'].includes(entry.split(':')[0]))).toEqual(['1:500', '1:200', '3:200', '6:200']);
      expect(adminEvents.indexOf('2:200')).toBeLessThan(adminEvents.indexOf('1:200'));
      expect(adminEvents.sort()).toEqual(['1:200', '1:500', '2:200', '3:200', '6:200', '7:200']);

      // The log, newest first, paged.
      const teamId = team.data!.registerWebhook.id;
      const page = await as(TEAM_A)(LOG, { id: teamId, first: 3 });
      expect(page.errors).toBeUndefined();
      expect(page.data!.webhookDeliveries.pageInfo.hasNextPage).toBe(true);
      const rest = await as(TEAM_A)(LOG, { id: teamId, first: 3, after: page.data!.webhookDeliveries.pageInfo.endCursor });
      const log = [...page.data!.webhookDeliveries.nodes, ...rest.data!.webhookDeliveries.nodes];
      expect(log.map((entry: { eventCursor: string }) => entry.eventCursor)).toEqual(['6', '5', '3', '1']);
      const first = log[3];
      expect(first).toMatchObject({ status: 'DELIVERED', attempts: 2, lastStatusCode: 200, lastError: null, tries: [{ attempt: 1, statusCode: 500 }, { attempt: 2, statusCode: 200 }] });

      // Redelivery on demand: the same event, a new delivery; nobody else's to ask for.
      expect((await as(ADMIN)('mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }', { id: first.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const again = await as(TEAM_A)('mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { id redeliveryOf status } }', { id: first.id });
      expect(again.data!.redeliverWebhook).toMatchObject({ redeliveryOf: first.id, status: 'PENDING' });
      await eventually(() => teamReceiver.received.some((delivery) => delivery.headers[WEBHOOK_HEADERS.delivery] === again.data!.redeliverWebhook.id), 'the redelivery');
      const redelivered = teamReceiver.received.find((delivery) => delivery.headers[WEBHOOK_HEADERS.delivery] === again.data!.redeliverWebhook.id)!;
      expect(eventOf(redelivered).cursor).toBe('1');
    } finally {
      await teamReceiver.close();
      await adminReceiver.close();
    }
  }, 60_000);

  it('refuses bad input with clear errors', async () => {
    const register = (input: Record<string, unknown>) => as(TEAM_A)(REGISTER, { input: { url: 'http://127.0.0.1:1/hook', secret: SECRET, ...input } });
    const refusal = async (input: Record<string, unknown>) => {
      const result = await register(input);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      return result.errors![0].message;
    };
    expect(await refusal({ url: 'http://example.org/hook' })).toMatch(/example\.org are not allowed.*allowed hosts/);
    expect(await refusal({ url: 'ftp://127.0.0.1/hook' })).toMatch(/must be http\(s\)/);
    expect(await refusal({ url: 'http://user:pass@127.0.0.1/hook' })).toMatch(/credentials/);
    expect(await refusal({ url: 'not a url' })).toMatch(/is not a URL/);
    expect(await refusal({ secret: 'x'.repeat(257) })).toMatch(/16 to 256 characters/);
    expect(await refusal({ secret: 'short' })).toMatch(/16 to 256 characters/);
    expect(await refusal({ filter: { field: [{ field: 'nonsense', values: ['x'] }] } })).toMatch(/Unknown field "nonsense"/);
    expect(await refusal({ changes: ['created'] })).toMatch(/not a kind of change/);
    expect(await refusal({ changes: Array.from({ length: 21 }, (_, index) => `C${index}`) })).toMatch(/at most 20/);
    // Write-only: the secret is not in the schema to ask for.
    expect((await as(TEAM_A)('{ webhooks { id secret } }')).errors?.[0].message).toMatch(/Cannot query field "secret"/);
    const bad = await as(TEAM_A)(LOG, { id: 'no-such-webhook', first: 1000 });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  }, 30_000);

  it('keeps webhooks to their registrant and needs catalog.webhook.manage', async () => {
    const denied = await as(NOBODY)(REGISTER, { input: { url: 'http://127.0.0.1:1/hook', secret: SECRET } });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as(NOBODY)('{ webhooks { id } }')).data?.webhooks).toEqual([]);
    const created = await as(TEAM_A)(REGISTER, { input: { url: 'http://127.0.0.1:1/hook', secret: SECRET } });
    const id = created.data!.registerWebhook.id;
    const adminSees = (await as(ADMIN)('{ webhooks { id } }')).data!.webhooks.map((webhook: { id: string }) => webhook.id);
    expect(adminSees).not.toContain(id);
    expect((await as(ADMIN)(LOG, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await as(ADMIN)('mutation ($id: ID!) { removeWebhook(id: $id) }', { id })).data?.removeWebhook).toBe(false);
    expect((await as(TEAM_A)('mutation ($id: ID!) { removeWebhook(id: $id) }', { id })).data?.removeWebhook).toBe(true);
    expect((await as(TEAM_A)('{ webhooks { id } }')).data!.webhooks.map((webhook: { id: string }) => webhook.id)).not.toContain(id);
  }, 30_000);

  it('stops delivering to a registrant who may no longer manage webhooks', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const registered = await as(TEAM_A)(REGISTER, { input: { url: receiver.url, secret: SECRET } });
      const id = registered.data!.registerWebhook.id;
      memory.append({ ref: 'component:default/a', change: 'UPDATED', entity: null });
      await eventually(() => receiver.received.length === 1, 'the first delivery');
      revoked.add('user:default/ada');
      memory.append({ ref: 'component:default/a', change: 'UPDATED', entity: null });
      // Its cursor moves past the event (taken, not delivered).
      const { prisma } = catalog.services as { prisma: PrismaClient };
      const cursor = memory.head();
      await eventually(async () => (await prisma.webhook.findUniqueOrThrow({ where: { id } })).cursor === cursor, 'the event to pass by');
      expect(receiver.received).toHaveLength(1);
      revoked.delete('user:default/ada');
      expect((await as(TEAM_A)(LOG, { id, first: 10 })).data!.webhookDeliveries.nodes).toHaveLength(1);
    } finally {
      revoked.clear();
      await receiver.close();
    }
  }, 60_000);
});
