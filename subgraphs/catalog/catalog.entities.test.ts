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
