import path from 'node:path';
import { jwtKeyFrom } from '../../gateway/auth/jwtKey';
import { parseApiToken } from '../../gateway/auth/parseApiTokens';
import { loadPolicyFile } from '../../kit';
import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';
import { signJwt } from './support/signJwt';

/*
 * The issue's acceptance test: with the demo catalog and a policy that lets group members
 * see only what their group owns (plus APIs and groups), a member of team-payments sees
 * exactly that, through every way the graph reaches entities. What "exactly" means is
 * worked out from what an admin sees, not from the SQL under test.
 */

const PAYMENTS_TOKEN = 'payments-token-0123456789';
const ADMIN_TOKEN = 'admin-token-0123456789abc';
const JWT_SECRET = 'the-identity-providers-hs256-secret-0123';
const ISSUER = 'https://idp.harborandfinch.example.com';
const PAYMENTS_CLAIMS = ['user:default/tomas.herrera', 'group:default/team-payments'];

let platform: TestPlatform;
const asPayments = (query: string, variables?: Record<string, unknown>) =>
  postGraphQL(platform.gatewayUrl, query, variables, { authorization: `Bearer ${PAYMENTS_TOKEN}` });
const asAdmin = (query: string, variables?: Record<string, unknown>) =>
  postGraphQL(platform.gatewayUrl, query, variables, { authorization: `Bearer ${ADMIN_TOKEN}` });

interface Row {
  ref: string;
  kind: string;
  relations: { type: string; targetRef: string }[];
}
let everything: Row[];
let visible: Set<string>;

beforeAll(async () => {
  const policy = loadPolicyFile(path.join(__dirname, 'support/groupPolicy.yaml'));
  platform = await startPlatform({
    only: ['catalog', 'cicd', 'security', 'techdocs'],
    subgraph: () => ({ demo: true, policy }),
    gateway: {
      auth: {
        anonymous: false,
        apiTokens: [parseApiToken(`${PAYMENTS_TOKEN}=${PAYMENTS_CLAIMS.join(',')}`), parseApiToken(`${ADMIN_TOKEN}=user:default/rosalind,group:default/admins`)],
        jwt: { key: jwtKeyFrom(JWT_SECRET, 'test'), issuer: ISSUER, audience: 'ensemble' },
      },
    },
  });
  const all = await asAdmin(`{ entities(first: 100) { pageInfo { hasNextPage } edges { node { ref kind relations { type targetRef } } } } }`);
  expect(all.errors).toBeUndefined();
  expect(all.data!.entities.pageInfo.hasNextPage).toBe(false);
  everything = all.data!.entities.edges.map((edge: { node: Row }) => edge.node);
  const owner = (row: Row) => row.relations.find((relation) => relation.type === 'ownedBy')?.targetRef;
  visible = new Set(
    everything.filter((row) => PAYMENTS_CLAIMS.includes(owner(row) ?? '') || ['API', 'Group'].includes(row.kind)).map((row) => row.ref),
  );
}, 120_000);

afterAll(() => platform?.stop());

describe('a team member sees only their group\'s entities (plus APIs and groups)', () => {
  it('the demo catalog has hidden entities, owned entities and APIs of other teams', () => {
    expect(everything.length).toBeGreaterThan(visible.size);
    expect(visible).toContain('component:default/checkout-service');
    expect(visible).toContain('api:default/search-api');
    expect(visible).not.toContain('component:default/web-shop');
    expect(visible).not.toContain('user:default/tomas.herrera');
  });

  it('lists exactly those, with totalCount and facets agreeing', async () => {
    const result = await asPayments(`{
      entities(first: 100) { totalCount edges { node { ref } } facets(fields: ["kind", "relations.ownedBy"], first: 20) { field values { value count } } }
    }`);
    expect(result.errors).toBeUndefined();
    const refs = result.data!.entities.edges.map((edge: { node: { ref: string } }) => edge.node.ref);
    expect(refs.sort()).toEqual([...visible].sort());
    expect(result.data!.entities.totalCount).toBe(visible.size);
    const kinds = Object.fromEntries(result.data!.entities.facets[0].values.map((value: { value: string; count: number }) => [value.value.toLowerCase(), value.count]));
    const expected: Record<string, number> = {};
    for (const row of everything.filter((row) => visible.has(row.ref))) expected[row.kind.toLowerCase()] = (expected[row.kind.toLowerCase()] ?? 0) + 1;
    expect(kinds).toEqual(expected);
    const owners = result.data!.entities.facets[1].values.map((value: { value: string }) => value.value);
    expect(owners).toContain('group:default/team-payments');
    expect(owners).toContain('group:default/team-discovery'); // its APIs
  });

  it('filters and pages inside what is visible', async () => {
    const result = await asPayments(`{ entities(first: 3, filter: { kind: ["Component"] }) { totalCount pageInfo { hasNextPage } edges { node { ref } } } }`);
    const components = [...visible].filter((ref) => ref.startsWith('component:'));
    expect(result.data!.entities.totalCount).toBe(components.length);
    expect(result.data!.entities.edges.every((edge: { node: { ref: string } }) => visible.has(edge.node.ref))).toBe(true);
  });

  it('gets null, and no error, for a hidden entity, as for a missing one', async () => {
    const result = await asPayments(`{ hidden: entity(ref: "component:web-shop") { ref } missing: entity(ref: "component:nope") { ref } own: entity(ref: "component:checkout-service") { ref } }`);
    expect(result).toEqual({ status: 200, data: { hidden: null, missing: null, own: { ref: 'component:default/checkout-service' } } });
    expect((await asAdmin(`{ entity(ref: "component:web-shop") { ref } }`)).data).toEqual({ entity: { ref: 'component:default/web-shop' } });
  });

  it('gets null in entitiesByRefs for hidden entities, in order', async () => {
    const result = await asPayments(`{ entitiesByRefs(refs: ["component:checkout-service", "component:web-shop", "api:search-api", "user:tomas.herrera"]) { ref } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.entitiesByRefs).toEqual([{ ref: 'component:default/checkout-service' }, null, { ref: 'api:default/search-api' }, null]);
  });

  it('does not see relations to hidden entities, while the typed fields stay consistent', async () => {
    const query = `{ entities(first: 100) { edges { node { ref relations { targetRef target { ref } } } } } }`;
    const mine = await asPayments(query);
    expect(mine.errors).toBeUndefined();
    const existing = new Set(everything.map((row) => row.ref));
    let seen = 0;
    for (const { node } of mine.data!.entities.edges as { node: { ref: string; relations: { targetRef: string; target: { ref: string } | null }[] } }[]) {
      for (const relation of node.relations) {
        seen += 1;
        // Either a visible entity (then `target` resolves), or a ref with no entity at all.
        if (existing.has(relation.targetRef)) {
          expect(visible).toContain(relation.targetRef);
          expect(relation.target).toEqual({ ref: relation.targetRef });
        } else {
          expect(relation.target).toBeNull();
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
    const team = `{ group: entity(ref: "group:team-payments") { ... on Group { members { ref } relations(type: "hasMember") { targetRef } } } }`;
    expect((await asAdmin(team)).data!.group.members.length).toBeGreaterThan(0);
    expect((await asPayments(team)).data!.group).toEqual({ members: [], relations: [] });
    const system = `{ entity(ref: "system:checkout") { ... on System { owner { ref } components { ref } } } }`;
    const adminComponents = (await asAdmin(system)).data!.entity.components.map((c: { ref: string }) => c.ref);
    expect((await asPayments(system)).data!.entity.components.map((c: { ref: string }) => c.ref)).toEqual(adminComponents.filter((ref: string) => visible.has(ref)));
  });

  it('walks only through visible entities: ownsTransitively and related', async () => {
    const query = `{
      entity(ref: "group:commerce-engineering") {
        ... on Group { ownsTransitively { ref } }
        related(relationTypes: ["parentOf", "ownerOf"], maxDepth: 3) { ref }
      }
    }`;
    const admin = (await asAdmin(query)).data!.entity;
    const mine = await asPayments(query);
    expect(mine.errors).toBeUndefined();
    const refs = (list: { ref: string }[]) => list.map((entity) => entity.ref);
    expect(refs(mine.data!.entity.ownsTransitively)).toEqual(refs(admin.ownsTransitively).filter((ref) => visible.has(ref)));
    expect(refs(mine.data!.entity.ownsTransitively).length).toBeLessThan(refs(admin.ownsTransitively).length);
    expect(refs(mine.data!.entity.ownsTransitively)).toContain('component:default/checkout-service');
    expect(refs(mine.data!.entity.related)).toEqual(refs(admin.related).filter((ref) => visible.has(ref)));
  });

  it('reaches plugin fields (_entities) only through entities it may see', async () => {
    const query = (ref: string) => `{ entity(ref: "${ref}") { ref docs { pageCount } vulnerabilitySummary { total } latestRuns { pipeline } } }`;
    const own = await asPayments(query('component:checkout-service'));
    expect(own.errors).toBeUndefined();
    expect(own.data!.entity.docs.pageCount).toBeGreaterThan(0);
    expect(own.data!.entity.vulnerabilitySummary.total).toBeGreaterThan(0);
    expect(own.data!.entity.latestRuns.length).toBeGreaterThan(0);
    expect(await asPayments(query('component:web-shop'))).toEqual({ status: 200, data: { entity: null } });
    expect((await asAdmin(query('component:web-shop'))).data!.entity.docs.pageCount).toBeGreaterThan(0);
  });

  it('gets nothing from plugin root queries, which need an unconditional catalog read', async () => {
    const query = `{
      searchDocs(query: "checkout") { entity { ref } }
      docPage(entityRef: "component:default/checkout-service", path: "index.md") { title }
      findings(entityRef: "component:default/web-shop", state: null) { id }
      pipelineRunsFor(entityRef: "component:default/web-shop") { id }
    }`;
    const admin = await asAdmin(query);
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.searchDocs.length).toBeGreaterThan(0);
    expect(admin.data!.findings.length).toBeGreaterThan(0);
    expect(admin.data!.pipelineRunsFor.length).toBeGreaterThan(0);
    expect(await asPayments(query)).toEqual({ status: 200, data: { searchDocs: [], docPage: null, findings: [], pipelineRunsFor: [] } });
  });

  it('may not write: FORBIDDEN, whether the entity is visible or not', async () => {
    for (const ref of ['component:money-kit', 'component:web-shop']) {
      const result = await asPayments(`mutation { removeEntity(ref: "${ref}") }`);
      expect(result.data).toBeNull();
      expect(result.errors!.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const apply = await asPayments(`mutation { applyEntities(yaml: "kind: Component") { refs } }`);
    expect(apply.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const register = await asPayments(`mutation { registerLocation(target: "/tmp/x.yaml") { id } }`);
    expect(register.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await asPayments(`{ locations { id } }`)).data).toEqual({ locations: [] });
    expect((await asAdmin(`{ entity(ref: "component:money-kit") { ref } }`)).data!.entity).not.toBeNull();
  });

  it('sees the same with a JWT as with the API token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = signJwt({ iss: ISSUER, aud: 'ensemble', sub: 'user:default/tomas.herrera', ent: PAYMENTS_CLAIMS, exp: now + 300 }, { secret: JWT_SECRET });
    const result = await postGraphQL(platform.gatewayUrl, `{ entities(first: 100) { totalCount } hidden: entity(ref: "component:web-shop") { ref } }`, undefined, {
      authorization: `Bearer ${jwt}`,
    });
    expect(result).toEqual({ status: 200, data: { entities: { totalCount: visible.size }, hidden: null } });
  });
});

describe('authentication at the gateway', () => {
  const query = `{ entity(ref: "component:checkout-service") { ref } }`;
  const unauthenticated = { status: 401, errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] };

  it('answers 401 without credentials when anonymous mode is off', async () => {
    expect(await postGraphQL(platform.gatewayUrl, query)).toEqual(unauthenticated);
  });

  it('answers 401 for an unknown token, an expired JWT, a wrong audience or a bad signature', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: ISSUER, aud: 'ensemble', sub: 'user:default/tomas.herrera', exp: now + 300 };
    const tokens = [
      'not-a-token-anyone-was-given',
      signJwt({ ...claims, exp: now - 10 }, { secret: JWT_SECRET }),
      signJwt({ ...claims, aud: 'another-app' }, { secret: JWT_SECRET }),
      signJwt(claims, { secret: 'an-attackers-own-secret-of-32-bytes-long' }),
    ];
    for (const token of tokens) {
      expect(await postGraphQL(platform.gatewayUrl, query, undefined, { authorization: `Bearer ${token}` })).toEqual(unauthenticated);
    }
  });

  it('ignores an identity header a client sends: only its credentials count', async () => {
    const adminIdentity = Buffer.from(JSON.stringify({ user: 'user:default/rosalind', ownership: ['user:default/rosalind', 'group:default/admins'] })).toString('base64url');
    const result = await postGraphQL(platform.gatewayUrl, `{ entity(ref: "component:web-shop") { ref } }`, undefined, {
      authorization: `Bearer ${PAYMENTS_TOKEN}`,
      'x-ensemble-identity': adminIdentity,
    });
    expect(result).toEqual({ status: 200, data: { entity: null } });
  });
});
