import { buildSchema, parse } from 'graphql';
import { hoistLiterals } from './hoistLiterals';

describe('hoistLiterals', () => {
  const schema = buildSchema(`
    enum Order { ASC DESC }
    input Filter { kind: [String!], text: String }
    type Query { entity(ref: ID!): String, entities(filter: Filter, first: Int = 50, order: Order): [String] }
  `);

  it('turns documents that differ only in literal values into one text, with the values as variables', () => {
    const a = hoistLiterals(schema, parse('query { entity(ref: "component:a") entities(filter: { kind: ["Component"] }, first: 5, order: DESC) }'))!;
    const b = hoistLiterals(schema, parse('query {\n  # another comment\n  entity(ref: "component:b") entities(filter: { kind: ["API"] }, first: 9, order: ASC) }'))!;
    expect(a.text).toBe(b.text);
    expect(a.text).toContain('$__lit0: ID!');
    expect(a.text).toContain('$__lit1: Filter');
    expect(a.values).toEqual({ __lit0: 'component:a', __lit1: { kind: ['Component'] }, __lit2: 5, __lit3: 'DESC' });
    expect(b.values).toEqual({ __lit0: 'component:b', __lit1: { kind: ['API'] }, __lit2: 9, __lit3: 'ASC' });
  });

  it('leaves arguments holding variables, and directive arguments, as they are', () => {
    const hoisted = hoistLiterals(schema, parse('query ($f: Filter) { entities(filter: $f) @include(if: true) entity(ref: "x") }'))!;
    expect(hoisted.text).toContain('entities(filter: $f) @include(if: true)');
    expect(hoisted.values).toEqual({ __lit0: 'x' });
    expect(hoistLiterals(schema, parse('query ($f: Filter) { entities(filter: $f) }'))).toBeNull();
  });

  it('leaves numbers that would not read back as written as they are', () => {
    const hoisted = hoistLiterals(schema, parse('{ entity(ref: 9007199254740993) a: entity(ref: -0) b: entity(ref: 12) }'))!;
    expect(hoisted.values).toEqual({ __lit0: 12 });
    expect(hoisted.text).toContain('entity(ref: 9007199254740993)');
  });

  it('names each hoisted argument, its variable and its type', () => {
    const document = parse('{ entity(ref: "x") entities(first: 3) }');
    const hoisted = hoistLiterals(schema, document)!;
    expect(hoisted.hoisted.map(({ variable, argument, type }) => [variable, argument.name.value, String(type)])).toEqual([
      ['__lit0', 'ref', 'ID!'],
      ['__lit1', 'first', 'Int'],
    ]);
    // Taken from the document given, so templates can find each one's literals.
    expect(hoisted.hoisted[0].argument).toBe((document.definitions[0] as any).selectionSet.selections[0].arguments[0]);
  });
});
