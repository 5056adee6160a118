import {
  conditional,
  definePolicy,
  DENY,
  ALLOW,
  encodeIdentity,
  entityConditions,
  IDENTITY_HEADER,
  SIGNATURE_HEADER,
  signedHeaders,
  signRequest,
  userIdentity,
  verifySignature,
} from '../../kit';
import { postGraphQL, startTestSubgraph, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph } from '../../kit/testing';
import { catalogSubgraph } from '../../subgraphs/catalog';

const SECRET = 'a-secret-of-sufficient-length';
const BODY = '{"query":"{ __typename }"}';
const NOW = 1_750_000_000_000;
const PAYMENTS = userIdentity('user:default/tomas.herrera', ['group:default/team-payments']);
const ADMIN = userIdentity('user:default/rosalind', ['group:default/admins']);

describe('identity in the gateway signature', () => {
  const identity = encodeIdentity(PAYMENTS)!;

  it('signs the identity with the body (v2) and accepts it only with that identity', () => {
    const header = signRequest(SECRET, BODY, NOW, identity);
    expect(header).toMatch(new RegExp(`^t=${NOW},v2=[0-9a-f]{64}$`));
    expect(verifySignature(SECRET, header, BODY, { now: NOW, identity })).toEqual({ ok: true });
    expect(verifySignature(SECRET, header, BODY, { now: NOW, identity: encodeIdentity(ADMIN) })).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifySignature(SECRET, header, BODY.replace('__typename', '_service { sdl }'), { now: NOW, identity })).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('refuses an identity added to a request signed without one, and one dropped from a request signed with one', () => {
    expect(verifySignature(SECRET, signRequest(SECRET, BODY, NOW), BODY, { now: NOW, identity })).toEqual({ ok: false, reason: 'malformed signature' });
    expect(verifySignature(SECRET, signRequest(SECRET, BODY, NOW, identity), BODY, { now: NOW })).toEqual({ ok: false, reason: 'malformed signature' });
  });

  it('sends the identity header beside the signature', () => {
    expect(signedHeaders(SECRET, BODY, NOW, identity)).toEqual({ [SIGNATURE_HEADER]: expect.stringMatching(/,v2=/), [IDENTITY_HEADER]: identity });
  });
});

describe('a subgraph takes the caller from the signed identity header', () => {
  let catalog: RunningTestSubgraph<unknown>;
  // Team members read and delete what their group owns; admins anything; anonymous nothing.
  const policy = definePolicy((request, identity) => {
    if (identity.type === 'anonymous') return DENY;
    if (identity.ownershipEntityRefs.includes('group:default/admins')) return ALLOW;
    if (request.action === 'catalog.entity.read' || request.action === 'catalog.entity.delete') {
      return conditional(entityConditions.isEntityOwner({ claims: identity.ownershipEntityRefs }));
    }
    return DENY;
  });
  const ENTITIES = `{ _entities(representations: [{ __typename: "Entity", ref: "component:default/checkout-service" }, { __typename: "Entity", ref: "component:default/web-shop" }]) { ... on Entity { ref } } }`;
  const post = (query: string, headers: Record<string, string>) => postGraphQL(catalog.url, query, undefined, headers, { sign: false });
  const signedAs = (query: string, identity: string | undefined, secret = TEST_SUBGRAPH_SECRET) =>
    post(query, signedHeaders(secret, JSON.stringify({ query }), Date.now(), identity));

  beforeAll(async () => {
    catalog = await startTestSubgraph(catalogSubgraph, { demo: true, policy });
  }, 60_000);
  afterAll(() => catalog?.stop());

  it('resolves _entities as the signed caller: hidden entities are null', async () => {
    expect((await signedAs(ENTITIES, encodeIdentity(PAYMENTS))).data).toEqual({ _entities: [{ ref: 'component:default/checkout-service' }, null] });
    expect((await signedAs(ENTITIES, encodeIdentity(ADMIN))).data).toEqual({
      _entities: [{ ref: 'component:default/checkout-service' }, { ref: 'component:default/web-shop' }],
    });
    expect((await signedAs(ENTITIES, undefined)).data).toEqual({ _entities: [null, null] });
  });

  it('refuses a forged identity header (401): added to a request the gateway signed without one, or signed with another secret', async () => {
    const body = JSON.stringify({ query: ENTITIES });
    const forged = { ...signedHeaders(TEST_SUBGRAPH_SECRET, body), [IDENTITY_HEADER]: encodeIdentity(ADMIN)! };
    const refused = { status: 401, errors: [{ message: 'This subgraph answers only requests signed by the gateway', extensions: { code: 'UNAUTHENTICATED' } }] };
    expect(await post(ENTITIES, forged)).toEqual(refused);
    expect(await signedAs(ENTITIES, encodeIdentity(ADMIN), 'not-the-gateway-secret-at-all')).toEqual(refused);
    // A payments request whose identity is swapped for the admin's after signing.
    const swapped = { ...signedHeaders(TEST_SUBGRAPH_SECRET, body, Date.now(), encodeIdentity(PAYMENTS)), [IDENTITY_HEADER]: encodeIdentity(ADMIN)! };
    expect(await post(ENTITIES, swapped)).toEqual(refused);
  });

  it('turns a conditional delete into a check on the entity: own yes, others FORBIDDEN', async () => {
    const remove = (ref: string) => `mutation { removeEntity(ref: "${ref}") }`;
    const other = await signedAs(remove('component:web-shop'), encodeIdentity(PAYMENTS));
    expect(other.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await signedAs(ENTITIES, encodeIdentity(ADMIN))).data!._entities[1]).toEqual({ ref: 'component:default/web-shop' });
    expect((await signedAs(remove('component:money-kit'), encodeIdentity(PAYMENTS))).data).toEqual({ removeEntity: true });
    expect((await signedAs(`{ entity(ref: "component:money-kit") { ref } }`, encodeIdentity(ADMIN))).data).toEqual({ entity: null });
    const anonymous = await signedAs(remove('component:legacy-checkout'), undefined);
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
