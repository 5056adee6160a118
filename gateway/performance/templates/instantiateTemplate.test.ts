import { createHash } from 'node:crypto';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { hoistLiterals } from '../hoistLiterals';
import { createDocumentTemplates } from './createDocumentTemplates';

const schema = buildSchema(`
  scalar Json
  enum Order { ASC DESC }
  input Range { from: Int, to: Int }
  input Filter { kind: [String!], text: String, range: Range, weight: Float, order: Order, raw: Json }
  type Entity { ref: ID! name(prefix: String): String count(first: Int): Int }
  type Query {
    entity(ref: ID!): Entity
    entities(filter: Filter, first: Int = 20, minScore: Float, order: Order, raw: Json): [Entity!]!
    byNumber(id: ID!): Entity
  }
`);

/** What Apollo Server and useLiteralHoisting do with a text: parse, validate, hoist. */
function parsedAndHoisted(text: string, against: GraphQLSchema = schema) {
  const document = parse(text);
  expect(validate(against, document)).toEqual([]);
  const hoisted = hoistLiterals(against, document);
  return { document, hoisted: hoisted && { ...hoisted, hash: createHash('sha256').update(hoisted.text).digest('hex') } };
}

function learnt(text: string) {
  const templates = createDocumentTemplates({ parseOptions: { maxTokens: 200 } });
  const { document, hoisted } = parsedAndHoisted(text);
  templates.learn(schema, document, hoisted);
  return templates;
}

/** The built document must be the parser's, locations included, and its hoisting hoistLiterals'. */
function expectSameAsParsed(built: ReturnType<ReturnType<typeof createDocumentTemplates>['build']>, text: string) {
  const expected = parsedAndHoisted(text);
  expect(built).not.toBeNull();
  expect(JSON.stringify(built!.document)).toBe(JSON.stringify(expected.document));
  expect(built!.document.loc!.source.body).toBe(text);
  expect(built!.hoisted && { ...built!.hoisted, document: JSON.stringify(built!.hoisted.document) }).toEqual(
    expected.hoisted && { text: expected.hoisted.text, hash: expected.hoisted.hash, values: expected.hoisted.values, document: JSON.stringify(expected.hoisted.document) },
  );
}

const BASE = `query Page($order: Order) {
  entity(ref: "component:default/a") { ref name(prefix: "x") count(first: 5) }
  entities(filter: { kind: ["Component", "API"], text: "pay", range: { from: 1, to: 9 }, weight: 0.5 }, minScore: 2, order: $order) { ref }
  byNumber(id: 42) { ref }
}`;

describe('document templates', () => {
  it('builds, for texts of the same shape, the document the parser builds and the hoisting hoistLiterals gives', () => {
    const templates = learnt(BASE);
    const sameShape = [
      BASE,
      BASE.replace('component:default/a', 'component:default/other-one').replace('"pay"', '"with \\"quotes\\" and \\u00e9"'),
      BASE.replace('first: 5', 'first: -2147483648').replace('to: 9', 'to: 2147483647').replace('weight: 0.5', 'weight: 7.25e-3'),
      BASE.replace('minScore: 2', 'minScore: 35').replace('id: 42', 'id: 9007199254740991'),
      `# a comment first\n${BASE.replace(/\n/g, '\n\n   ').replace('{ ref }', '{ # between\n ref }')}\n# request 17`,
    ];
    for (const text of sameShape) expectSameAsParsed(templates.build(text, schema), text);
    // An Int where the template has a Float, a block string where it has a string: other token kinds, other shapes.
    expect(templates.build(BASE.replace('weight: 0.5', 'weight: 7'), schema)).toBeNull();
    expect(templates.build(BASE.replace('"pay"', '"""block\n  string"""'), schema)).toBeNull();
  });

  it('takes the usual way for a literal validation or hoisting would treat otherwise', () => {
    const templates = learnt(BASE);
    for (const text of [
      BASE.replace('first: 5', 'first: 2147483648'), // not an Int: a validation error
      BASE.replace('to: 9', 'to: -2147483649'),
      BASE.replace('id: 42', 'id: 9007199254740993'), // not read back exactly: not hoisted
      BASE.replace('id: 42', 'id: -0'),
      BASE.replace('weight: 0.5', 'weight: 1e400'),
    ]) {
      expect(templates.build(text, schema)).toBeNull();
    }
  });

  it('holds fixed the literals validation reads: custom scalars, directives, defaults, repeated response names', () => {
    const text = `query ($n: Int = 3, $yes: Boolean = true) {
      entities(raw: "a", filter: { raw: "b" }) @include(if: $yes) { ref }
      e1: entity(ref: "x") { ref }
      again: entity(ref: "y") { name @skip(if: false) }
      again: entity(ref: "y") { ref }
      ok: entity(ref: "z") { count(first: $n) }
    }`;
    const templates = learnt(text);
    expectSameAsParsed(templates.build(text.replace('"x"', '"x2"').replace('"z"', '"z2"'), schema), text.replace('"x"', '"x2"').replace('"z"', '"z2"'));
    for (const changed of [
      text.replace('raw: "a"', 'raw: "a2"'),
      text.replace('raw: "b"', 'raw: "b2"'),
      text.replace('Int = 3', 'Int = 4'),
      text.replace('again: entity(ref: "y") { ref }', 'again: entity(ref: "w") { ref }'),
    ]) {
      expect(templates.build(changed, schema)).toBeNull();
    }
  });

  it('builds documents without literals to hoist, and documents of several operations', () => {
    const plain = 'query A { entity(ref: "a") { ref } } query B($r: ID!) { entity(ref: $r) { name } }';
    const templates = learnt(plain);
    const spaced = `\n\n${plain.replace(/ /g, '  ')}`;
    const built = templates.build(spaced, schema);
    expect(built?.hoisted).toBeNull();
    expect(JSON.stringify(built!.document)).toBe(JSON.stringify(parse(spaced)));
  });

  it('never builds for another schema, a text that does not lex, or one over the parse limits', () => {
    const templates = learnt(BASE);
    expect(templates.build(BASE, buildSchema('type Query { a: Int }'))).toBeNull();
    expect(templates.build(`${BASE} "unterminated`, schema)).toBeNull();
    expect(createDocumentTemplates({ parseOptions: { maxTokens: 10 } }).build(BASE, schema)).toBeNull();
    const limited = createDocumentTemplates({ parseOptions: { maxComments: 1 } });
    const { document, hoisted } = parsedAndHoisted(BASE);
    limited.learn(schema, document, hoisted);
    expect(limited.build(`# one\n${BASE}`, schema)).not.toBeNull();
    expect(limited.build(`# one\n# two\n${BASE}`, schema)).toBeNull();
    expect(createDocumentTemplates({ parseOptions: { maxSourceLength: 50 } }).build(BASE, schema)).toBeNull();
  });

  it('matches the parser on many random respellings of one shape', () => {
    const templates = learnt(BASE);
    let seed = 7;
    const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const strings = ['', 'a', 'component:default/x-1', '\\n\\t', 'ünïcödé', '\\u0041'];
    let built = 0;
    for (let i = 0; i < 200; i++) {
      const text = BASE.replace(/"[^"]*"/g, () => `"${strings[random(strings.length)]}"`)
        .replace(/: (\d+)\b(?!\.)/g, () => `: ${random(2) ? '-' : ''}${random(100000)}`)
        .replace(/ /g, () => [' ', '  ', '\n', ',', ' # c\n'][random(5)]);
      const result = templates.build(text, schema);
      if (result) {
        built++;
        expectSameAsParsed(result, text);
      }
    }
    // Every respelling above keeps its literals valid and hoistable.
    expect(built).toBe(200);
  });
});
