import { CatalogListDocument, EntityPageDocument } from '../clients/generated/graphql';
import { postGraphQL } from '../kit/testing';
import { startPlatform, type TestPlatform } from './support/startPlatform';

// The whole platform in process: real subgraphs, real gateway, the demo catalog, and
// operations typed by codegen from clients/operations.
describe('the platform through the gateway', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog', 'cicd'], subgraph: () => ({ demo: true }) });
  });
  afterAll(() => platform?.stop());

  it('answers one operation with fields from the catalog and a plugin', async () => {
    const result = await postGraphQL(platform.gatewayUrl, EntityPageDocument.toString(), { ref: 'component:checkout-service' });
    expect(result.errors).toBeUndefined();
    const entity = result.data!.entity;
    expect(entity).toMatchObject({ ref: 'component:default/checkout-service', kind: 'Component', type: 'service' });
    expect(entity.owner.ref).toBe('group:default/team-payments');
    expect(entity.relations).toEqual(expect.arrayContaining([{ type: 'ownedBy', targetRef: 'group:default/team-payments' }]));
    expect(entity.latestRuns.map((run: { pipeline: string }) => run.pipeline).sort()).toEqual(['build', 'deploy']);
  });

  it('pages through the catalog with stable cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const result: any = await postGraphQL(platform.gatewayUrl, CatalogListDocument.toString(), {
        filter: { kind: ['Component'] },
        first: 5,
        after,
      });
      expect(result.errors).toBeUndefined();
      const page = result.data.entities;
      total = page.totalCount;
      seen.push(...page.edges.map((edge: { node: { ref: string } }) => edge.node.ref));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBe(16);
    expect(seen).toHaveLength(16);
    expect([...seen].sort()).toEqual(seen);
  });

  it('keeps the catalog answering when a plugin is down, naming the failed subgraph', async () => {
    await platform.subgraphs.cicd.stop();
    const result = await postGraphQL(platform.gatewayUrl, EntityPageDocument.toString(), { ref: 'component:default/web-shop' });
    expect(result.data!.entity).toMatchObject({ ref: 'component:default/web-shop', latestRuns: null });
    expect(result.data!.entity.owner.ref).toMatch(/^group:default\//);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.errors)).toMatch(/cicd/);
  });
});
