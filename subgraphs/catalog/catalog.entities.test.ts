import type { RunningSubgraph } from '../../kit';
import { postGraphQL, startTestSubgraph } from '../../kit/testing';
import { catalogSubgraph } from '.';

// The federation contract: the gateway resolves catalog entities by ref through `_entities`,
// both as the interface (from plugins' @interfaceObject) and as concrete types.
describe('catalog _entities', () => {
  let catalog: RunningSubgraph;
  const queries: string[] = [];
  beforeAll(async () => {
    catalog = await startTestSubgraph(catalogSubgraph, { demo: true, onQuery: (sql) => queries.push(sql) });
  });
  afterAll(() => catalog.stop());

  it('resolves interface and concrete representations, null for unknown refs, in order', async () => {
    const result = await postGraphQL(catalog.url, `
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          __typename
          ... on Entity { ref name }
          ... on Component { lifecycle owner { ref } }
          ... on Group { members { ref } }
        }
      }`, {
      representations: [
        { __typename: 'Entity', ref: 'component:default/checkout-service' },
        { __typename: 'Entity', ref: 'component:default/no-such-thing' },
        { __typename: 'Group', ref: 'group:default/team-payments' },
        { __typename: 'Component', ref: 'component:default/web-shop' },
      ],
    });
    expect(result.errors).toBeUndefined();
    const [checkout, missing, team, webShop] = result.data!._entities;
    expect(checkout).toMatchObject({ __typename: 'Component', ref: 'component:default/checkout-service', name: 'checkout-service' });
    expect(checkout.owner.ref).toMatch(/^group:default\//);
    expect(missing).toBeNull();
    expect(team.__typename).toBe('Group');
    expect(team.members.length).toBeGreaterThan(0);
    expect(webShop.ref).toBe('component:default/web-shop');
  });

  it('refuses a representation whose __typename contradicts its ref, and malformed ones, with a clear code', async () => {
    const ask = (representation: unknown) =>
      postGraphQL(catalog.url, `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Entity { ref } } }`, { r: [representation] });
    const wrongType = await ask({ __typename: 'API', ref: 'component:default/checkout-service' });
    expect(wrongType.data!._entities).toEqual([null]);
    expect(wrongType.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(wrongType.errors![0].message).toMatch(/names type API; a component entity is Component/);
    // The same answer whether or not the entity exists: it is decided from the ref alone.
    const missing = await ask({ __typename: 'Group', ref: 'component:default/no-such-thing' });
    expect(missing.errors![0].message).toMatch(/names type Group; a component entity is Component/);
    for (const malformed of [{ __typename: 'Entity' }, { __typename: 'Entity', ref: 7 }, { __typename: 'Entity', ref: 'no-kind' }, { __typename: 'Entity', ref: 'x'.repeat(300) }]) {
      const result = await ask(malformed);
      expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(/^Malformed representation/);
    }
    const generic = await ask({ __typename: 'GenericEntity', ref: 'environment:default/nothing' });
    expect(generic.errors).toBeUndefined();
  });

  it('loads any number of representations with the same number of queries', async () => {
    const refs = async (count: number) => {
      const list = await postGraphQL(catalog.url, `{ entities(first: ${count}, filter: { kind: ["component"] }) { edges { node { ref } } } }`);
      return list.data!.entities.edges.map((edge: { node: { ref: string } }) => ({ __typename: 'Entity', ref: edge.node.ref }));
    };
    const cost = async (representations: unknown[]) => {
      queries.length = 0;
      const result = await postGraphQL(catalog.url, `
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on Component { ref owner { ref } system { ref } } }
        }`, { representations });
      expect(result.errors).toBeUndefined();
      return queries.length;
    };
    const one = await cost(await refs(1));
    const many = await cost(await refs(12));
    expect(many).toBe(one);
    expect(one).toBeLessThanOrEqual(3);
  });
});
