import { parseApiToken } from '../../gateway/auth/parseApiTokens';
import { ALLOW, conditional, definePolicy, DENY, entityConditions } from '../../kit';
import { postGraphQL } from '../../kit/testing';
import type { CatalogWebhooks } from '../../subgraphs/catalog/webhooks/catalogWebhooks';
import { eventually, startWebhookReceiver, type ReceivedDelivery } from '../../subgraphs/catalog/webhooks/testing/startWebhookReceiver';
import { verifyWebhookSignature, WEBHOOK_HEADERS } from '../../subgraphs/catalog/webhooks/webhookSignature';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

/*
 * Issue 21's webhook acceptance through the gateway: a team member registers a webhook,
 * the admin changes entities and reports failed pipeline runs; the receiver on loopback
 * gets signed deliveries of the member's own entity only (catalog and cicd events, in
 * order), answers 500 once and the delivery is retried, and the log shows both attempts.
 */
const MEMBER_TOKEN = 'webhooks-member-token-0123456789';
const ADMIN_TOKEN = 'webhooks-admin-token-0123456789';
const SECRET = 'system-test-webhook-secret';
const policy = definePolicy((request, identity) => {
  if (identity.type !== 'user') return DENY;
  if (identity.ownershipEntityRefs.includes('group:default/admins')) return ALLOW;
  if (request.action === 'catalog.entity.read') return conditional(entityConditions.isEntityOwner({ claims: identity.ownershipEntityRefs }));
  return ['catalog.webhook.manage', 'cicd.run.read'].includes(request.action) ? ALLOW : DENY;
});
const component = (name: string, lifecycle: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec: { type: service, lifecycle: ${lifecycle}, owner: team-${name} }`;

let platform: TestPlatform;
const as = (token: string) => (query: string, variables?: Record<string, unknown>) => postGraphQL(platform.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
const asMember = as(MEMBER_TOKEN);
const asAdmin = as(ADMIN_TOKEN);

beforeAll(async () => {
  platform = await startPlatform({
    only: ['catalog', 'cicd'],
    settings: { CATALOG_READ_ALLOW: '127.0.0.1', CATALOG_WEBHOOK_ALLOW_LOOPBACK: 'true', CATALOG_REFRESH_SECONDS: '0' },
    subgraph: () => ({ policy }),
    gateway: {
      auth: {
        anonymous: false,
        apiTokens: [parseApiToken(`${MEMBER_TOKEN}=user:default/ada,group:default/team-a`), parseApiToken(`${ADMIN_TOKEN}=user:default/rosalind,group:default/admins`)],
      },
    },
  });
  // As npm start does through the module's useEventSources: the catalog's webhooks read cicd's log too.
  const { cicd, catalog } = platform.subgraphs;
  (catalog.services as { webhooks: CatalogWebhooks }).webhooks.addSources([cicd.events!]);
  const applied = await asAdmin('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml: `${component('a', 'production')}\n---\n${component('b', 'production')}` });
  expect(applied.data?.applyEntities.applied).toBe(true);
}, 120_000);
afterAll(() => platform?.stop());

it('delivers signed events of the registrant’s entities through the gateway, retrying a 500', async () => {
  let failed = false;
  const receiver = await startWebhookReceiver(() => (failed ? 200 : ((failed = true), 500)));
  try {
    const registered = await asMember('mutation ($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }', { input: { url: receiver.url, secret: SECRET } });
    expect(registered.errors).toBeUndefined();
    const id = registered.data!.registerWebhook.id;
    const update = await asAdmin('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml: `${component('a', 'deprecated')}\n---\n${component('b', 'deprecated')}` });
    expect(update.data?.applyEntities.applied).toBe(true);
    for (const entityRef of ['component:default/b', 'component:default/a']) {
      const run = await asAdmin('mutation ($input: PipelineRunInput!) { recordPipelineRun(input: $input) { status } }', {
        input: { entityRef, pipeline: 'build', status: 'FAILED', startedAt: new Date().toISOString() },
      });
      expect(run.errors).toBeUndefined();
    }

    const delivered = () => receiver.received.filter((delivery) => delivery.status === 200);
    await eventually(() => delivered().length >= 2, 'two deliveries', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const summary = (delivery: ReceivedDelivery) => {
      expect(verifyWebhookSignature(SECRET, delivery.headers[WEBHOOK_HEADERS.signature] as string, delivery.body)).toBe(true);
      const { event } = JSON.parse(delivery.body);
      return [delivery.status, event.source, event.ref, event.change];
    };
    expect(receiver.received.map(summary)).toEqual([
      [500, 'catalog', 'component:default/a', 'UPDATED'],
      [200, 'catalog', 'component:default/a', 'UPDATED'],
      [200, 'cicd', 'component:default/a', 'PIPELINE_FAILED'],
    ]);
    const log = await asMember('query ($id: ID!) { webhookDeliveries(webhookId: $id) { nodes { change status attempts tries { statusCode } } } }', { id });
    expect(log.data!.webhookDeliveries.nodes).toEqual([
      { change: 'PIPELINE_FAILED', status: 'DELIVERED', attempts: 1, tries: [{ statusCode: 200 }] },
      { change: 'UPDATED', status: 'DELIVERED', attempts: 2, tries: [{ statusCode: 500 }, { statusCode: 200 }] },
    ]);
  } finally {
    await receiver.close();
  }
}, 120_000);
