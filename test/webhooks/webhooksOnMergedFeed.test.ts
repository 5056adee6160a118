import path from 'node:path';
import {
  ALLOW,
  announceEvents,
  applyMigrations,
  conditional,
  definePolicy,
  encodeIdentity,
  entityConditions,
  eventsInDatabase,
  openDatabase,
  recordEvents,
  signedHeaders,
  userIdentity,
  type CallerIdentity,
  type Database,
} from '../../kit';
import { describeEachDatabase, postGraphQL, startTestSubgraphOn, TEST_SUBGRAPH_SECRET, type TestDatabase, type TestSubgraphOnDatabase } from '../../kit/testing';
import type { PrismaClient } from '../../prisma/catalog/generated/client';
import { createCatalogSubgraph } from '../../subgraphs/catalog';
import { eventually, startWebhookReceiver } from '../../subgraphs/catalog/webhooks/testing/startWebhookReceiver';
import { verifyWebhookSignature, WEBHOOK_HEADERS } from '../../subgraphs/catalog/webhooks/webhookSignature';

/*
 * Webhooks on kit/events' merged feed: events recorded in the catalog's event_log and in a
 * plugin's (cicd's migrations, its own database) reach a registrant through one cursor,
 * signed, only for entities it may read, and only those recorded after it registered.
 */
const TEAM_A = userIdentity('user:default/ada', ['group:default/team-a']);
const TEAM_B = userIdentity('user:default/bo', ['group:default/team-b']);
const ADMIN = userIdentity('user:default/rosalind', ['group:default/admins']);
const policy = definePolicy((request, identity) => {
  if (identity.type === 'user' && identity.ownershipEntityRefs.includes('group:default/admins')) return ALLOW;
  if (request.action === 'catalog.entity.read') return conditional(entityConditions.isEntityOwner({ claims: identity.type === 'user' ? identity.ownershipEntityRefs : [] }));
  return request.action === 'catalog.webhook.manage' ? ALLOW : conditional({ anyOf: [] });
});
const SECRET = 'the-feed-test-webhook-secret';
const ENTITIES = ['a', 'b']
  .map((name) => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec: { type: service, lifecycle: production, owner: team-${name} }`)
  .join('\n---\n');

describeEachDatabase('webhooks on the merged change feed', (kind) => {
  let catalog: TestSubgraphOnDatabase<{ prisma: PrismaClient; webhooks: { addSources(sources: unknown[]): void } }>;
  let cicdDatabase: TestDatabase;
  let cicd: Database;
  const as = (identity: CallerIdentity) => (query: string, variables?: Record<string, unknown>) =>
    postGraphQL(catalog.subgraph.url, query, variables, signedHeaders(TEST_SUBGRAPH_SECRET, JSON.stringify({ query, variables }), Date.now(), encodeIdentity(identity)), { sign: false });

  beforeAll(async () => {
    catalog = (await startTestSubgraphOn(kind, createCatalogSubgraph({ refreshIntervalMs: 0, readAllowHosts: ['127.0.0.1'], webhooks: { allowLoopback: true, pollMs: 300 } }), {
      policy,
    })) as typeof catalog;
    cicdDatabase = await kind.create();
    cicd = await openDatabase(cicdDatabase.url);
    await applyMigrations(cicd.sql, path.resolve(__dirname, '../../prisma/cicd/migrations'));
    catalog.subgraph.services.webhooks.addSources([eventsInDatabase('cicd', cicd.reads)]);
    const applied = await as(ADMIN)('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml: ENTITIES });
    expect(applied.data?.applyEntities.applied).toBe(true);
  }, 90_000);
  afterAll(async () => {
    await catalog?.stop();
    await cicd?.close();
    await cicdDatabase?.drop();
  });

  it('delivers catalog and plugin events recorded after registration, as the registrant may read them', async () => {
    const receiver = await startWebhookReceiver();
    try {
      await cicd.sql.transaction((tx) => recordEvents(tx, 'cicd', [{ ref: 'component:default/a', change: 'PIPELINE_FAILED' }]));
      announceEvents('cicd');
      const registered = await as(TEAM_A)('mutation ($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }', {
        input: { url: receiver.url, secret: SECRET },
      });
      expect(registered.errors).toBeUndefined();
      await catalog.subgraph.services.prisma.$transaction((tx) =>
        recordEvents(tx, 'catalog', [
          { ref: 'component:default/a', change: 'UPDATED', fields: ['spec.lifecycle'] },
          { ref: 'component:default/b', change: 'UPDATED', fields: ['spec.lifecycle'] },
        ]),
      );
      announceEvents('catalog');
      await cicd.sql.transaction((tx) =>
        recordEvents(tx, 'cicd', [
          { ref: 'component:default/b', change: 'PIPELINE_FAILED' },
          { ref: 'component:default/a', change: 'PIPELINE_FAILED' },
        ]),
      );
      announceEvents('cicd');
      await eventually(() => receiver.received.length >= 2, 'two deliveries');
      // Room for a wrong third one (b's, or the one before registration) to arrive.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const events = receiver.received.map((delivery) => {
        expect(verifyWebhookSignature(SECRET, delivery.headers[WEBHOOK_HEADERS.signature] as string, delivery.body)).toBe(true);
        const { event } = JSON.parse(delivery.body);
        return [event.source, event.ref, event.change, event.fields];
      });
      expect(events).toEqual([
        ['catalog', 'component:default/a', 'UPDATED', ['spec.lifecycle']],
        ['cicd', 'component:default/a', 'PIPELINE_FAILED', []],
      ]);
      await as(TEAM_A)('mutation ($id: ID!) { removeWebhook(id: $id) }', { id: registered.data!.registerWebhook.id });
    } finally {
      await receiver.close();
    }
  }, 60_000);

  it("delivers the catalog's own writes: updates, creations and a deletion judged by its snapshot", async () => {
    const receivers = { a: await startWebhookReceiver(), b: await startWebhookReceiver() };
    try {
      for (const [identity, receiver] of [[TEAM_A, receivers.a], [TEAM_B, receivers.b]] as const) {
        const registered = await as(identity)('mutation ($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }', {
          input: { url: receiver.url, secret: SECRET, filter: { kind: ['component'] } },
        });
        expect(registered.errors).toBeUndefined();
      }
      const descriptor = (name: string, owner: string, lifecycle: string) =>
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec: { type: service, lifecycle: ${lifecycle}, owner: ${owner} }`;
      const apply = (yaml: string) => as(ADMIN)('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml });
      expect((await apply([descriptor('a', 'team-a', 'deprecated'), descriptor('b', 'team-b', 'deprecated'), descriptor('c', 'team-a', 'production')].join('\n---\n'))).data?.applyEntities.applied).toBe(true);
      expect((await as(ADMIN)('mutation { removeEntity(ref: "component:default/a") }')).data?.removeEntity).toBe(true);

      const seen = (receiver: typeof receivers.a) =>
        receiver.received.map((delivery) => {
          expect(verifyWebhookSignature(SECRET, delivery.headers[WEBHOOK_HEADERS.signature] as string, delivery.body)).toBe(true);
          const { event } = JSON.parse(delivery.body);
          return { ref: event.ref, change: event.change, fields: event.fields, owner: event.entity?.spec?.owner, keys: Object.keys(event.entity ?? {}).sort() };
        });
      await eventually(() => receivers.a.received.length >= 3 && receivers.b.received.length >= 1, 'the deliveries');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const keys = ['apiVersion', 'kind', 'metadata', 'spec'];
      expect(seen(receivers.a)).toEqual([
        { ref: 'component:default/a', change: 'UPDATED', fields: ['spec.lifecycle'], owner: 'team-a', keys },
        { ref: 'component:default/c', change: 'CREATED', fields: expect.any(Array), owner: 'team-a', keys },
        { ref: 'component:default/a', change: 'DELETED', fields: expect.any(Array), owner: 'team-a', keys },
      ]);
      expect(seen(receivers.b)).toEqual([{ ref: 'component:default/b', change: 'UPDATED', fields: ['spec.lifecycle'], owner: 'team-b', keys }]);
    } finally {
      await receivers.a.close();
      await receivers.b.close();
    }
  }, 60_000);
});
