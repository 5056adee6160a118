import { ALLOW, announceEvents, definePolicy, encodeIdentity, recordEvents, signedHeaders, userIdentity } from '../../../kit';
import { postGraphQL, startTestSubgraph, testDatabaseKinds, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph, type TestDatabase } from '../../../kit/testing';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { createCatalogSubgraph } from '..';
import { eventually, startWebhookReceiver } from './testing/startWebhookReceiver';
import type { CatalogWebhooks } from './catalogWebhooks';
import { WEBHOOK_HEADERS } from './webhookSignature';

/*
 * Two catalog replicas on one PostgreSQL database, both running the webhook worker: each
 * event reaches the receiver once (the webhook is leased to one replica at a time), and
 * each entity's events in order. PostgreSQL only: PGlite is one process's database.
 */
const postgres = testDatabaseKinds().find((kind) => kind.name === 'PostgreSQL')!;
const ADMIN = userIdentity('user:default/rosalind', ['group:default/admins']);
const REFS = ['a', 'b', 'c'].map((name) => `component:default/${name}`);
const ENTITIES = ['a', 'b', 'c']
  .map((name) => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec: { type: service, lifecycle: production, owner: team-x }`)
  .join('\n---\n');
const ROUNDS = 10;
type Replica = { prisma: PrismaClient; webhooks: CatalogWebhooks };

const run = postgres.skipReason ? describe.skip : describe;
if (postgres.skipReason) console.warn(`webhooks across replicas: ${postgres.skipReason}`);

run('webhooks across two catalog replicas on PostgreSQL', () => {
  let database: TestDatabase;
  let replicas: RunningTestSubgraph<Replica>[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    database = await postgres.create();
    const start = () =>
      startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0, readAllowHosts: ['127.0.0.1'], webhooks: { allowLoopback: true, pollMs: 200 } }), {
        databaseUrl: database.url,
        policy: definePolicy(() => ALLOW),
        logs,
      }) as Promise<RunningTestSubgraph<Replica>>;
    replicas = [await start(), await start()];
  }, 90_000);
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await database?.drop();
  });

  it('sends each event once, in order per entity', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const as = (replica: RunningTestSubgraph<unknown>, query: string, variables: Record<string, unknown>) =>
        postGraphQL(replica.url, query, variables, signedHeaders(TEST_SUBGRAPH_SECRET, JSON.stringify({ query, variables }), Date.now(), encodeIdentity(ADMIN)), { sign: false });
      expect((await as(replicas[0], 'mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml: ENTITIES })).data?.applyEntities.applied).toBe(true);
      const registered = await as(replicas[1], 'mutation ($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }', {
        input: { url: receiver.url, secret: 'replicas-test-webhook-secret' },
      });
      expect(registered.errors).toBeUndefined();
      // Replica 0 would find the webhook at its next idle check (a minute); both work from now.
      replicas[0].services.webhooks.ensureRunning();
      // Written through both replicas, one transaction per round, each naming every entity.
      for (let round = 0; round < ROUNDS; round++) {
        await replicas[round % 2].services.prisma.$transaction((tx) =>
          recordEvents(tx, 'catalog', REFS.map((ref) => ({ ref, change: 'UPDATED', fields: [`metadata.round${round}`] }))),
        );
        announceEvents('catalog');
      }
      await eventually(() => receiver.received.length >= ROUNDS * REFS.length, 'every delivery', 60_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // Each event taken once (one delivery row per event), and each delivery sent exactly
      // as often as its log counts attempts: a retry after a failed attempt is at-least-once
      // doing its job, but a send nobody logged would be a second replica sending it.
      const log = await replicas[0].services.prisma.webhookDelivery.findMany({ select: { id: true, eventCursor: true, attempts: true, status: true } });
      expect(log).toHaveLength(ROUNDS * REFS.length);
      expect(new Set(log.map((delivery) => delivery.eventCursor)).size).toBe(log.length);
      const sends = new Map<string, number>();
      for (const delivery of receiver.received) sends.set(delivery.headers[WEBHOOK_HEADERS.delivery] as string, (sends.get(delivery.headers[WEBHOOK_HEADERS.delivery] as string) ?? 0) + 1);
      expect(log.map((delivery) => [delivery.id, delivery.status, sends.get(delivery.id)])).toEqual(log.map((delivery) => [delivery.id, 'DELIVERED', delivery.attempts]));
      expect(logs.filter((line) => line.startsWith('webhooks:'))).toEqual([]);
      const events = receiver.received.map((delivery) => JSON.parse(delivery.body).event as { cursor: string; ref: string; fields: string[] });
      for (const ref of REFS) {
        const rounds = [...new Set(events.filter((event) => event.ref === ref).map((event) => event.fields[0]))];
        expect(rounds).toEqual(Array.from({ length: ROUNDS }, (_, round) => `metadata.round${round}`));
      }
    } finally {
      await receiver.close();
    }
  }, 120_000);
});
