import { conditional, definePolicy, ALLOW, DENY, encodeIdentity, entityConditions, signedHeaders, userIdentity, type CallerIdentity } from '../../kit';
import { postGraphQL, startTestSubgraph, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph } from '../../kit/testing';
import { catalogSubgraph } from '.';

/*
 * Creating an entity is not replacing one: a caller allowed `catalog.entity.create` may
 * write new entities, but writing one that exists needs `catalog.entity.update` on the
 * stored entity, dry runs included. Errors never name a server path, nor an entity the
 * caller may not read.
 */
const PAYMENTS = userIdentity('user:default/tomas.herrera', ['group:default/team-payments']);
const ADMIN = userIdentity('user:default/rosalind', ['group:default/admins']);
const owned = (identity: CallerIdentity) =>
  conditional(entityConditions.isEntityOwner({ claims: identity.type === 'user' ? identity.ownershipEntityRefs : [] }));
const policy = definePolicy((request, identity) => {
  if (identity.type === 'anonymous') return DENY;
  if (identity.ownershipEntityRefs.includes('group:default/admins')) return ALLOW;
  if (request.action === 'catalog.entity.create') return ALLOW;
  if (request.action === 'catalog.entity.read' || request.action === 'catalog.entity.update') return owned(identity);
  return DENY;
});

let catalog: RunningTestSubgraph<unknown>;
const as = (identity: CallerIdentity) => (query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(catalog.url, query, variables, signedHeaders(TEST_SUBGRAPH_SECRET, JSON.stringify({ query, variables }), Date.now(), encodeIdentity(identity)), {
    sign: false,
  });
const APPLY = 'mutation ($yaml: String!, $dryRun: Boolean) { applyEntities(yaml: $yaml, dryRun: $dryRun) { applied refs errors { entityRef message } } }';
const component = (name: string, owner: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: ${owner}\n`;
const ownerOf = async (ref: string) => (await as(ADMIN)(`{ entity(ref: "${ref}") { ... on Component { spec } } }`)).data!.entity?.spec?.owner;

beforeAll(async () => {
  catalog = await startTestSubgraph(catalogSubgraph, { demo: true, policy });
}, 60_000);
afterAll(() => catalog?.stop());

describe('applyEntities: create is not update', () => {
  it('a demo entity of another team exists and is hidden from the member', async () => {
    expect(await ownerOf('component:default/web-shop')).toBeDefined();
    expect(await ownerOf('component:default/web-shop')).not.toBe('team-payments');
    const seen = await as(PAYMENTS)('{ entity(ref: "component:default/web-shop") { ref } }');
    expect(seen.data!.entity).toBeNull();
  });

  it('creates a new entity, and replaces it again as its owner', async () => {
    for (let round = 0; round < 2; round++) {
      const result = await as(PAYMENTS)(APPLY, { yaml: component('payments-ledger', 'team-payments') });
      expect(result.errors).toBeUndefined();
      expect(result.data!.applyEntities).toMatchObject({ applied: true, errors: [] });
    }
  });

  it('refuses to replace another team\'s entity, dry run or not, naming neither the entity nor a path', async () => {
    const before = await ownerOf('component:default/web-shop');
    for (const dryRun of [true, false]) {
      const result = await as(PAYMENTS)(APPLY, { yaml: component('web-shop', 'team-payments'), dryRun });
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(result.errors)).not.toMatch(/web-shop|\/|\\\\/);
    }
    expect(await ownerOf('component:default/web-shop')).toBe(before);
  });

  it('refuses to replace an entity another caller wrote through the graph', async () => {
    const admin = await as(ADMIN)(APPLY, { yaml: component('fraud-rules', 'team-risk') });
    expect(admin.data!.applyEntities.applied).toBe(true);
    const result = await as(PAYMENTS)(APPLY, { yaml: component('fraud-rules', 'team-payments') });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await ownerOf('component:default/fraud-rules')).toBe('team-risk');
  });

  it('a conflict with a registered location names the entity (the caller may read it) but never the location\'s path', async () => {
    const result = await as(ADMIN)(APPLY, { yaml: component('checkout-service', 'team-payments') });
    expect(result.errors).toBeUndefined();
    expect(result.data!.applyEntities.applied).toBe(false);
    expect(result.data!.applyEntities.errors).toEqual([
      { entityRef: 'component:default/checkout-service', message: 'Entity component:default/checkout-service is provided by a registered location; change it there' },
    ]);
  });
});
