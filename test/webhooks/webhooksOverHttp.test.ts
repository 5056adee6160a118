import { ALLOW, definePolicy, eventsOverHttp } from '../../kit';
import { postGraphQL, startTestSubgraph, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph } from '../../kit/testing';
import { cicdSubgraph } from '../../subgraphs/cicd';
import { createCatalogSubgraph } from '../../subgraphs/catalog';
import type { CatalogWebhooks } from '../../subgraphs/catalog/webhooks/catalogWebhooks';
import { eventually, startWebhookReceiver } from '../../subgraphs/catalog/webhooks/testing/startWebhookReceiver';
import { verifyWebhookSignature, WEBHOOK_HEADERS } from '../../subgraphs/catalog/webhooks/webhookSignature';

/*
 * The distributed mode's path (`npm run subgraph -- catalog --event-source cicd=<url>`):
 * the catalog's webhooks read cicd's events over cicd's signed POST /events, and a failed
 * run reported to cicd reaches the receiver.
 */
let catalog: RunningTestSubgraph<{ webhooks: CatalogWebhooks }>;
let cicd: RunningTestSubgraph<unknown>;

beforeAll(async () => {
  const policy = definePolicy(() => ALLOW);
  cicd = await startTestSubgraph(cicdSubgraph, { policy });
  catalog = (await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0, readAllowHosts: ['127.0.0.1'], webhooks: { allowLoopback: true, pollMs: 200 } }), {
    policy,
  })) as RunningTestSubgraph<{ webhooks: CatalogWebhooks }>;
  catalog.services.webhooks.addSources([eventsOverHttp({ name: 'cicd', url: cicd.url, secret: TEST_SUBGRAPH_SECRET })]);
  const yaml = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: a }\nspec: { type: service, lifecycle: production, owner: team-a }';
  expect((await postGraphQL(catalog.url, 'mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml })).data?.applyEntities.applied).toBe(true);
}, 60_000);
afterAll(async () => {
  await catalog?.stop();
  await cicd?.stop();
});

it("delivers a plugin's events read over its signed POST /events", async () => {
  const receiver = await startWebhookReceiver();
  try {
    const secret = 'over-http-webhook-secret';
    const registered = await postGraphQL(catalog.url, 'mutation ($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id } }', { input: { url: receiver.url, secret, changes: ['PIPELINE_FAILED'] } });
    expect(registered.errors).toBeUndefined();
    const run = await postGraphQL(cicd.url, 'mutation ($input: PipelineRunInput!) { recordPipelineRun(input: $input) { status } }', {
      input: { entityRef: 'component:default/a', pipeline: 'build', status: 'FAILED', startedAt: new Date().toISOString() },
    });
    expect(run.errors).toBeUndefined();
    await eventually(() => receiver.received.length >= 1, 'the delivery');
    const [delivery] = receiver.received;
    expect(verifyWebhookSignature(secret, delivery.headers[WEBHOOK_HEADERS.signature] as string, delivery.body)).toBe(true);
    expect(JSON.parse(delivery.body).event).toMatchObject({ source: 'cicd', ref: 'component:default/a', change: 'PIPELINE_FAILED', fields: ['status'] });
  } finally {
    await receiver.close();
  }
}, 60_000);
