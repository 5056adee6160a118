import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gql, InMemoryCache } from '@apollo/client';
import { apolloCacheOptions } from './apolloCacheOptions';
import { possibleTypesOf } from './possibleTypesOf';

// Apollo Client's own cache, as a client app would set it up: fragments on the Entity
// interface match, and one entity is one normalised object, whichever query brought it.
describe('apolloCacheOptions with Apollo Client', () => {
  const LIST = gql`
    query List { entities { edges { node { __typename ref ...Row } } } }
    fragment Row on Entity { name title }
  `;
  const ONE = gql`
    query One($ref: ID!) { entity(ref: $ref) { __typename ref ... on Component { lifecycle } ...Row } }
    fragment Row on Entity { name title }
  `;
  const component = { __typename: 'Component', ref: 'component:default/web-shop', name: 'web-shop', title: 'Web shop' };

  it('is generated from the composed schema: every entity type is a possible Entity', () => {
    const schema = readFileSync(path.join(__dirname, '../schema.graphql'), 'utf8');
    expect(apolloCacheOptions.possibleTypes).toEqual(possibleTypesOf(schema));
    expect(apolloCacheOptions.possibleTypes.Entity).toEqual(expect.arrayContaining(['Component', 'API', 'Group', 'GenericEntity']));
  });

  it('reads fragments on Entity back whole, and keys entities by ref', () => {
    const cache = new InMemoryCache(apolloCacheOptions);
    cache.writeQuery({ query: LIST, data: { entities: { __typename: 'EntityConnection', edges: [{ __typename: 'EntityEdge', node: component }] } } });
    const list = cache.readQuery<{ entities: { edges: { node: Record<string, unknown> }[] } }>({ query: LIST });
    expect(list!.entities.edges[0].node).toEqual(component);
    expect(cache.identify(component)).toBe('Component:{"ref":"component:default/web-shop"}');
  });

  it('normalises: an entity fetched by another query updates the one object both read', () => {
    const cache = new InMemoryCache(apolloCacheOptions);
    cache.writeQuery({ query: LIST, data: { entities: { __typename: 'EntityConnection', edges: [{ __typename: 'EntityEdge', node: component }] } } });
    cache.writeQuery({ query: ONE, variables: { ref: component.ref }, data: { entity: { ...component, title: 'Web shop (new)', lifecycle: 'production' } } });
    const list = cache.readQuery<{ entities: { edges: { node: { title: string } }[] } }>({ query: LIST });
    expect(list!.entities.edges[0].node.title).toBe('Web shop (new)');
    expect(Object.keys(cache.extract()).filter((key) => key.startsWith('Component:'))).toEqual(['Component:{"ref":"component:default/web-shop"}']);
  });

  it('without possibleTypes, the fragment on Entity is lost: what the options are for', () => {
    const cache = new InMemoryCache({ typePolicies: apolloCacheOptions.typePolicies });
    cache.writeQuery({ query: LIST, data: { entities: { __typename: 'EntityConnection', edges: [{ __typename: 'EntityEdge', node: component }] } } });
    const list = cache.readQuery<{ entities: { edges: { node: Record<string, unknown> }[] } }>({ query: LIST, returnPartialData: true });
    expect(list!.entities.edges[0].node).toEqual({ __typename: 'Component', ref: component.ref });
  });
});
