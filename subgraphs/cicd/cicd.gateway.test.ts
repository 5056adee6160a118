import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../../test/support/startPlatform';
import { postWebhook, workflowRunPayload } from './testing/workflowRunPayload';

const ENTITY_RUNS = `
  query ($ref: ID!) {
    entity(ref: $ref) {
      ref
      pipelineRuns(first: 5) { edges { node { pipeline status branch projectSlug entityRef url } } }
      latestRun(branch: "main") { pipeline status }
      buildStats { runCount successCount failureCount }
    }
  }`;

// Slug matching end to end: the webhook stores a run by repository only; the gateway
// fetches the entity's annotations from the catalog (@requires) and hands them to cicd,
// which finds the run through `github.com/project-slug`. No plugin demo data: only what
// the test sends exists in cicd.
describe('cicd through the gateway', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    // Deliveries in this test are unsigned, as in local development.
    platform = await startPlatform({
      only: ['catalog', 'cicd'],
      subgraph: (name) => ({ demo: name === 'catalog' }),
      settings: { CICD_WEBHOOK_ALLOW_UNSIGNED: '1' },
    });
  });
  afterAll(() => platform?.stop());

  it("finds a run sent by GitHub with only a repository on the entity that names it in its annotation", async () => {
    const startedAt = new Date(Date.now() - 3_600_000);
    const payload = workflowRunPayload({
      id: 88001, name: 'CI', repository: 'harbor-and-finch/checkout-service', conclusion: 'failure',
      startedAt: startedAt.toISOString(), updatedAt: new Date(startedAt.getTime() + 300_000).toISOString(),
    });
    const delivery = await postWebhook(platform.subgraphs.cicd.url, { event: 'workflow_run', body: JSON.stringify(payload) });
    expect(delivery.status).toBe(202);

    const checkout = await postGraphQL(platform.gatewayUrl, ENTITY_RUNS, { ref: 'component:checkout-service' });
    expect(checkout.errors).toBeUndefined();
    expect(checkout.data!.entity).toEqual({
      ref: 'component:default/checkout-service',
      pipelineRuns: {
        edges: [{
          node: {
            pipeline: 'CI',
            status: 'FAILED',
            branch: 'main',
            projectSlug: 'harbor-and-finch/checkout-service',
            entityRef: null,
            url: 'https://github.com/harbor-and-finch/checkout-service/actions/runs/88001',
          },
        }],
      },
      latestRun: { pipeline: 'CI', status: 'FAILED' },
      buildStats: { runCount: 1, successCount: 0, failureCount: 1 },
    });

    // Another component, with its own slug, does not see the run.
    const webShop = await postGraphQL(platform.gatewayUrl, ENTITY_RUNS, { ref: 'component:default/web-shop' });
    expect(webShop.errors).toBeUndefined();
    expect(webShop.data!.entity.pipelineRuns.edges).toEqual([]);
    expect(webShop.data!.entity.latestRun).toBeNull();
  });

  it('sums runs by ref and by slug in the stats of one entity, for a list of entities in one response', async () => {
    const now = Date.now();
    const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    const record = `mutation ($input: PipelineRunInput!) { recordPipelineRun(input: $input) { id } }`;
    const byRef = await postGraphQL(platform.gatewayUrl, record, {
      input: { entityRef: 'component:default/web-shop', pipeline: 'build', status: 'SUCCEEDED', branch: 'main', startedAt: iso(30), finishedAt: iso(28) },
    });
    expect(byRef.errors).toBeUndefined();
    const delivery = await postWebhook(platform.subgraphs.cicd.url, {
      event: 'workflow_run',
      body: JSON.stringify(workflowRunPayload({ id: 88002, name: 'build', repository: 'Harbor-and-Finch/Web-Shop', conclusion: 'failure', startedAt: iso(20), updatedAt: iso(16) })),
    });
    expect(delivery.status).toBe(202);

    const list = await postGraphQL(platform.gatewayUrl, `{
      entities(first: 50, filter: { kind: ["component"] }) {
        edges { node { ref buildStats(window: 1) { runCount successCount failureCount successRate medianDurationSeconds } } }
      }
    }`);
    expect(list.errors).toBeUndefined();
    const stats = Object.fromEntries(list.data!.entities.edges.map((edge: any) => [edge.node.ref, edge.node.buildStats]));
    expect(stats['component:default/web-shop']).toEqual({ runCount: 2, successCount: 1, failureCount: 1, successRate: 0.5, medianDurationSeconds: 180 });
    expect(stats['component:default/payment-gateway']).toMatchObject({ runCount: 0, successRate: null });
  });

  it('records nothing for an entity or a repository the catalog does not know, by mutation or by webhook', async () => {
    const record = `mutation ($input: PipelineRunInput!) { recordPipelineRun(input: $input) { id } }`;
    const startedAt = new Date(Date.now() - 60_000).toISOString();
    const byRef = await postGraphQL(platform.gatewayUrl, record, { input: { entityRef: 'component:default/no-such-service', pipeline: 'build', status: 'FAILED', startedAt } });
    expect(byRef.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([['NOT_FOUND', 'No entity component:default/no-such-service']]);
    const bySlug = await postGraphQL(platform.gatewayUrl, record, { input: { projectSlug: 'harbor-and-finch/no-such-service', pipeline: 'build', status: 'FAILED', startedAt } });
    expect(bySlug.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([['NOT_FOUND', 'No entity carries the project slug harbor-and-finch/no-such-service']]);
    // The webhook acts as the service, not a caller: an accepted delivery still needs a known repository.
    const delivery = await postWebhook(platform.subgraphs.cicd.url, {
      event: 'workflow_run',
      body: JSON.stringify(workflowRunPayload({ id: 88009, name: 'build', repository: 'Harbor-and-Finch/No-Such-Service' })),
    });
    expect(delivery).toEqual({ status: 404, body: { errors: [{ message: 'No entity carries the project slug Harbor-and-Finch/No-Such-Service', extensions: { code: 'NOT_FOUND' } }] } });
    const cicd = platform.subgraphs.cicd.services as { prisma: { pipelineRun: { count(args: object): Promise<number> } } };
    expect(await cicd.prisma.pipelineRun.count({ where: { OR: [{ entityRef: 'component:default/no-such-service' }, { projectSlug: 'harbor-and-finch/no-such-service' }, { externalId: 'github:88009' }] } })).toBe(0);
  });
});
