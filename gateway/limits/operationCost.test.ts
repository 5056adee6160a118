import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { costReadsVariables, operationCost } from './operationCost';

const schema = buildSchema(`
  type Query { entity(ref: ID!): Entity, entities(first: Int = 50): Connection! }
  type Connection { totalCount: Int, edges: [Edge!]! }
  type Edge { node: Entity! }
  type Entity { name: String, tags: [String!]!, relations: [Relation!]!, runs(first: Int = 10, last: Int): [Run!]! }
  type Relation { target: Entity }
  type Run { status: String }
`);

function cost(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  return operationCost(schema, operation, fragments, variables);
}

describe('operationCost', () => {
  it('counts 1 per field, and a list of scalars as one field', () => {
    expect(cost('{ entity(ref: "a") { name tags } }')).toBe(3);
  });

  it('multiplies what a list selects by its assumed size when it has no size argument', () => {
    // entity 1 + relations (1 + 10 × (target 1 + name 1)).
    expect(cost('{ entity(ref: "a") { relations { target { name } } } }')).toBe(1 + 1 + 10 * 2);
  });

  it('takes the size from the argument, a variable, or the schema default', () => {
    expect(cost('{ entity(ref: "a") { runs(first: 3) { status } } }')).toBe(1 + 1 + 3);
    expect(cost('query ($n: Int) { entity(ref: "a") { runs(first: $n) { status } } }', { n: 7 })).toBe(1 + 1 + 7);
    expect(cost('{ entity(ref: "a") { runs { status } } }')).toBe(1 + 1 + 10);
    expect(cost('{ entity(ref: "a") { runs(first: 2, last: 5) { status } } }')).toBe(1 + 1 + 5);
  });

  it('does not count a connection\'s edges twice', () => {
    // entities 1 + 100 × (totalCount 1 + edges (1 + 1 × (node 1 + name 1))).
    expect(cost('{ entities(first: 100) { totalCount edges { node { name } } } }')).toBe(1 + 100 * (1 + 1 + 2));
  });

  it('multiplies nested lists', () => {
    expect(cost('{ entities(first: 100) { edges { node { runs(first: 20) { status } } } } }')).toBe(1 + 100 * (1 + 1 + (1 + 20)));
  });

  it('expands fragments and inline fragments where they are spread', () => {
    const inline = cost('{ entity(ref: "a") { relations { target { name } } } }');
    expect(cost('{ entity(ref: "a") { ...R } } fragment R on Entity { relations { ... on Relation { target { name } } } }')).toBe(inline);
  });

  it('stays finite and fast on a fragment bomb', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Entity { name }` : `fragment F${i} on Entity { relations { target { ...F${i + 1} ...F${i + 1} } } }`,
    );
    expect(cost(`{ entity(ref: "a") { ...F0 } } ${fragments.join(' ')}`)).toBeGreaterThan(1e12);
  });

  it('tells whether a size argument takes a variable, in the operation or a fragment', () => {
    const reads = (query: string) => costReadsVariables(parse(query).definitions as (OperationDefinitionNode | FragmentDefinitionNode)[]);
    expect(reads('query ($n: Int) { entity(ref: "a") { runs(first: $n) { status } } }')).toBe(true);
    expect(reads('query ($n: Int) { entity(ref: "a") { ...R } } fragment R on Entity { runs(last: $n) { status } }')).toBe(true);
    expect(reads('query ($ref: ID!) { entity(ref: $ref) { runs(first: 3) { status } } }')).toBe(false);
    expect(reads('{ entities { edges { node { name } } } }')).toBe(false);
  });
});
