import { buildSchema as buildGraphQLSchema, parse } from 'graphql';
// The reference: the result shaping @apollo/gateway runs on every answer (not part of its
// public API, so reached by path; pinned with the gateway's own version).
import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { computeResponse } from '@apollo/gateway/dist/resultShaping';
import { applyResultShape, NOT_SHAPED } from './applyResultShape';
import { compileResultShape } from './compileResultShape';

const SDL = `
  scalar JSON
  enum Lifecycle { production experimental }
  interface Entity { ref: ID! name: String! tags: [String!]! }
  type Component implements Entity { ref: ID! name: String! tags: [String!]! lifecycle: Lifecycle owner: Entity dependsOn: [Entity!] }
  type Group implements Entity { ref: ID! name: String! tags: [String!]! members: [[String]] size: Int score: Float }
  type Doc { path: String! meta: JSON }
  union SearchHit = Component | Doc
  type Edge { cursor: String! node: Entity! }
  type Connection { totalCount: Int edges: [Edge!]! }
  type Query {
    entity(ref: ID!): Entity
    entities(first: Int): Connection!
    search(text: String!): [SearchHit]
    flag: Boolean
  }
`;

const graphqlSchema = buildGraphQLSchema(SDL);
const federationSchema = buildSchema(SDL);

const component = (ref: string, extra: Record<string, unknown> = {}) => ({ __typename: 'Component', ref, name: ref.split('/')[1], tags: ['a', 'b'], ...extra });

/** Operations, each with answers a subgraph may send (as the query planner asks: abstract types carry __typename). */
const CASES: { query: string; variables?: Record<string, unknown>; answers: unknown[] }[] = [
  {
    query: `query List($withTags: Boolean!) { entities(first: 2) { totalCount edges { cursor node { ref name tags @include(if: $withTags) ... on Component { lifecycle owner { ref } } } } } }`,
    variables: { withTags: true },
    answers: [
      { entities: { totalCount: 2, edges: [
        { cursor: 'c1', node: component('component:default/a', { lifecycle: 'production', owner: { __typename: 'Group', ref: 'group:default/g' } }) },
        { cursor: 'c2', node: { __typename: 'Group', ref: 'group:default/g', name: 'g', tags: [] } },
      ] } },
      { entities: { totalCount: null, edges: [] } },
    ],
  },
  {
    query: `query List($withTags: Boolean = false) { entities { edges { node { tags @include(if: $withTags) ref } } } }`,
    answers: [{ entities: { edges: [{ node: component('component:default/a') }] } }],
  },
  {
    // Aliases, __typename (own and aliased), the same field twice, a named fragment and nested lists.
    query: `query Page { entity(ref: "group:default/g") { kind: __typename ref ...Names ... on Group { members size score ref } ...Names } }
            fragment Names on Entity { name label: name __typename }`,
    answers: [
      { entity: { __typename: 'Group', kind: 'Group', ref: 'group:default/g', name: 'g', label: 'g', members: [['x', null], null], size: 3, score: 1.5 } },
      { entity: null },
    ],
  },
  {
    query: `{ search(text: "x") { __typename ... on Component { ref dependsOn { ref ... on Group { size } } } ... on Doc { path meta } } flag }`,
    answers: [
      { search: [component('component:default/a', { dependsOn: [{ __typename: 'Group', ref: 'group:default/g', size: 1 }] }), { __typename: 'Doc', path: '/x', meta: { any: ['json'] } }, null], flag: false },
      { search: null, flag: null },
    ],
  },
  {
    // Two fragments on one type around another field: keys in the order of the selections.
    query: `{ entity(ref: "a") { ... on Component { name } ref ... on Component { lifecycle tags } } }`,
    answers: [{ entity: component('component:default/a', { lifecycle: 'experimental' }) }],
  },
  {
    query: `query Skip($skip: Boolean!) { entity(ref: "a") { ref @skip(if: $skip) name @skip(if: false) tags @include(if: false) } }`,
    variables: { skip: false },
    answers: [{ entity: component('component:default/a') }],
  },
];

/** The answer with one value replaced, for every value in it and a few replacements each. */
function* variants(value: unknown, replace: (next: unknown) => unknown = (next) => next): Generator<unknown> {
  for (const broken of [null, 42, 1.5, 'text', true, {}, []]) yield replace(broken);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* variants(value[i], (next) => replace(value.map((other, j) => (i === j ? next : other))));
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) yield* variants((value as Record<string, unknown>)[key], (next) => replace({ ...value, [key]: next }));
    for (const key of Object.keys(value)) {
      const { [key]: _dropped, ...rest } = value as Record<string, unknown>;
      yield replace(rest);
    }
  }
}

function reference(query: string, variables: Record<string, unknown> | undefined, input: unknown) {
  try {
    const operation = operationFromDocument(federationSchema, parse(query), { validate: false });
    const copy = JSON.parse(JSON.stringify(input));
    const { data, errors } = computeResponse({ operation, variables, input: copy, introspectionHandling: () => null });
    return { data: JSON.stringify(data), errors: errors.length };
  } catch {
    return { data: undefined, errors: 1 };
  }
}

function shape(query: string) {
  return compileResultShape(graphqlSchema, operationFromDocument(federationSchema, parse(query), { validate: false }))!;
}

describe('applyResultShape', () => {
  it.each(CASES.map((testCase, i) => [i, testCase] as const))('shapes a well-formed answer exactly as @apollo/gateway (case %i)', (_i, { query, variables, answers }) => {
    const compiled = shape(query);
    for (const answer of answers) {
      const lean = applyResultShape(compiled, answer, variables);
      expect(lean).not.toBe(NOT_SHAPED);
      // Same keys, same order, same values.
      expect(JSON.stringify(lean)).toBe(reference(query, variables, answer).data);
    }
  });

  it.each(CASES.map((testCase, i) => [i, testCase] as const))('never shapes differently from @apollo/gateway, whatever the subgraph sends (case %i)', (_i, { query, variables, answers }) => {
    const compiled = shape(query);
    let shaped = 0;
    let handedBack = 0;
    for (const answer of answers) {
      for (const variant of variants(answer)) {
        const lean = applyResultShape(compiled, variant, variables);
        const expected = reference(query, variables, variant);
        if (lean === NOT_SHAPED) {
          handedBack++;
          continue;
        }
        shaped++;
        // Shaped only when the gateway reports nothing wrong, and then identical.
        expect({ variant, errors: expected.errors, data: JSON.stringify(lean) }).toEqual({ variant, errors: 0, data: expected.data });
      }
    }
    // Both outcomes occur: broken answers go back to the gateway, harmless changes do not.
    expect(shaped).toBeGreaterThan(0);
    expect(handedBack).toBeGreaterThan(0);
  });

  it('hands back a condition variable that is not a boolean', () => {
    const compiled = shape('query ($on: Boolean) { flag @include(if: $on) }');
    expect(applyResultShape(compiled, { flag: true }, { on: true })).toEqual({ flag: true });
    expect(applyResultShape(compiled, { flag: true }, {})).toBe(NOT_SHAPED);
  });

  it('compiles no shape for introspection or a response name Object.prototype has', () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ entity(ref: "a") { ref } __type(name: "Group") { name } }', '{ __proto__: flag }', '{ entity(ref: "a") { constructor: name } }', '{ entity(ref: "a") { toString: __typename } }']) {
      expect(compileResultShape(graphqlSchema, operationFromDocument(federationSchema, parse(query), { validate: false }))).toBeNull();
    }
  });
});
