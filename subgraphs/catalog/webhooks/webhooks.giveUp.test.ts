import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALLOW, definePolicy } from '../../../kit';
import { postGraphQL, startTestSubgraph, type RunningTestSubgraph } from '../../../kit/testing';
import { createCatalogSubgraph } from '..';
import { createMemoryFeed } from './testing/memoryFeed';
import { eventually } from './testing/startWebhookReceiver';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { pruneDeliveries } from './pruneDeliveries';
import { retryDelayMs } from './webhookOptions';
import { SIGNATURE_TOLERANCE_SECONDS, signWebhookBody, verifyWebhookSignature } from './webhookSignature';
import { checkWebhookUrl } from './webhookTarget';

/*
 * The bounds: a receiver that never answers times out, is retried up to the most attempts
 * and given up (FAILED, with the reason logged), after which the entity's next event goes.
 */
describe('webhook bounds', () => {
  const memory = createMemoryFeed();
  let catalog: RunningTestSubgraph<unknown>;
  beforeAll(async () => {
    catalog = await startTestSubgraph(
      createCatalogSubgraph({
        refreshIntervalMs: 0,
        readAllowHosts: ['127.0.0.1'],
        webhooks: { allowLoopback: true, feed: memory.feed, maxAttempts: 2, timeoutMs: 300, backoffBaseMs: 50, backoffCapMs: 100, pollMs: 100 },
      }),
      { policy: definePolicy(() => ALLOW) },
    );
    const yaml = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: a }\nspec: { type: service, lifecycle: production, owner: team-a }';
    expect((await postGraphQL(catalog.url, 'mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml })).data?.applyEntities.applied).toBe(true);
  }, 60_000);
  afterAll(() => catalog?.stop());

  it('times out, retries, gives up after the most attempts, then sends the next event of the entity', async () => {
    // Holds every request unanswered while `hang`, then answers 200 and keeps the body.
    let hang = true;
    const held: ServerResponse[] = [];
    const bodies: string[] = [];
    const receiver = createServer((request, response) => {
      if (hang) return void held.push(response);
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    try {
      const registered = await postGraphQL(catalog.url, 'mutation ($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }', {
        input: { url, secret: 'give-up-test-webhook-secret' },
      });
      const id = registered.data!.registerWebhook.id;
      memory.append({ ref: 'component:default/a', change: 'UPDATED', entity: null });
      const log = async () =>
        (await postGraphQL(catalog.url, 'query ($id: ID!) { webhookDeliveries(webhookId: $id) { nodes { eventCursor status attempts lastError tries { statusCode error } } } }', { id })).data!
          .webhookDeliveries.nodes;
      await eventually(async () => (await log())[0]?.status === 'FAILED', 'the delivery to be given up');
      expect((await log())[0]).toEqual({
        eventCursor: '1',
        status: 'FAILED',
        attempts: 2,
        lastError: 'no answer within the timeout',
        tries: [{ statusCode: null, error: 'no answer within the timeout' }, { statusCode: null, error: 'no answer within the timeout' }],
      });
      hang = false;
      memory.append({ ref: 'component:default/a', change: 'UPDATED', entity: null });
      await eventually(() => bodies.length === 1, 'the next event');
      expect(JSON.parse(bodies[0]).event.cursor).toBe('2');
    } finally {
      for (const response of held) response.destroy();
      await new Promise((resolve) => receiver.close(resolve));
    }
  }, 60_000);

  it('prunes finished deliveries older than the retention, never pending ones', async () => {
    const { prisma } = catalog.services as { prisma: PrismaClient };
    const webhook = await prisma.webhook.create({ data: { registrant: { type: 'anonymous' }, registrantKey: 'prune-test', url: 'http://127.0.0.1:9/x', secret: 'prune-test-secret-value', changes: [] } });
    const day = 86_400_000;
    const delivery = (status: string, finishedAt: Date | null, nextAttemptAt = new Date(Date.now() + day)) =>
      prisma.webhookDelivery.create({ data: { webhookId: webhook.id, eventCursor: 'x', source: 'catalog', ref: 'component:default/a', change: 'UPDATED', event: {}, status, finishedAt, nextAttemptAt } });
    const old = await delivery('DELIVERED', new Date(Date.now() - 40 * day));
    await prisma.webhookAttempt.create({ data: { deliveryId: old.id, attempt: 1, status: 200, durationMs: 1 } });
    const oldFailed = await delivery('FAILED', new Date(Date.now() - 31 * day));
    const recent = await delivery('DELIVERED', new Date(Date.now() - day));
    const pending = await delivery('PENDING', null);
    expect(await pruneDeliveries(prisma, new Date(Date.now() - 30 * day))).toBe(2);
    const left = (await prisma.webhookDelivery.findMany({ where: { webhookId: webhook.id } })).map((row) => row.id).sort();
    expect(left).toEqual([recent.id, pending.id].sort());
    expect(await prisma.webhookAttempt.count({ where: { deliveryId: { in: [old.id, oldFailed.id] } } })).toBe(0);
    await prisma.webhook.delete({ where: { id: webhook.id } });
  });

  it('backs off exponentially up to the cap', () => {
    const options = { backoffBaseMs: 1_000, backoffCapMs: 600_000 };
    expect([1, 2, 3, 4, 10, 11, 100].map((attempts) => retryDelayMs(options, attempts))).toEqual([1_000, 2_000, 4_000, 8_000, 512_000, 600_000, 600_000]);
  });

  it('refuses loopback URLs unless configuration allows them', () => {
    const allowHosts = ['127.0.0.1', 'localhost', 'hooks.example.com'];
    expect(() => checkWebhookUrl('http://127.0.0.1:9/hook', { allowHosts, allowLoopback: false })).toThrow(/loopback/);
    expect(() => checkWebhookUrl('http://localhost/hook', { allowHosts, allowLoopback: false })).toThrow(/loopback/);
    expect(checkWebhookUrl('https://hooks.example.com/in', { allowHosts, allowLoopback: false })).toBe('https://hooks.example.com/in');
    expect(checkWebhookUrl('http://127.0.0.1:9/hook', { allowHosts, allowLoopback: true })).toBe('http://127.0.0.1:9/hook');
  });

  it('signatures fail when old, tampered or made with another secret', () => {
    const now = 2_000_000_000;
    const header = signWebhookBody('secret-one-secret-one', '{"a":1}', now);
    expect(verifyWebhookSignature('secret-one-secret-one', header, '{"a":1}', now)).toBe(true);
    expect(verifyWebhookSignature('secret-one-secret-one', header, '{"a":2}', now)).toBe(false);
    expect(verifyWebhookSignature('secret-two-secret-two', header, '{"a":1}', now)).toBe(false);
    expect(verifyWebhookSignature('secret-one-secret-one', header, '{"a":1}', now + SIGNATURE_TOLERANCE_SECONDS + 1)).toBe(false);
    expect(verifyWebhookSignature('secret-one-secret-one', 't=abc,v1=00', '{"a":1}', now)).toBe(false);
  });
});
