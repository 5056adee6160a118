import { buildSchema, parse } from 'graphql';
import { operationCoordinates } from './operationCoordinates';

const schema = buildSchema(`
  enum Kind { API COMPONENT }
  input Filter { kind: Kind, name: String }
  interface Entity { ref: ID! }
  type Component implements Entity { ref: ID! lifecycle: String }
  type Query { entities(filter: Filter, first: Int): [Entity!]! }
`);

describe('operationCoordinates', () => {
  it('names the types, fields, arguments, input fields and enum literals an operation uses', () => {
    const document = parse('query Q($first: Int) { entities(filter: { kind: API }, first: $first) { ref ... on Component { lifecycle } } }');
    expect(operationCoordinates(schema, document)).toEqual([
      'Component',
      'Component.lifecycle',
      'Entity',
      'Entity.ref',
      'Filter',
      'Filter.kind',
      'Int',
      'Kind.API',
      'Query',
      'Query.entities',
      'Query.entities.filter',
      'Query.entities.first',
    ]);
  });

  it('leaves out what the schema does not know', () => {
    expect(operationCoordinates(schema, parse('{ nothing { here } }'))).toEqual(['Query']);
  });
});
