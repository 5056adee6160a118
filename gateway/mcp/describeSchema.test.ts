import { buildSchema } from 'graphql';
import { describeOverview, describeType, searchSchema } from './describeSchema';

const schema = buildSchema(`
  "Something in the catalog."
  interface Entity { "Its ref." ref: ID! "Open findings." vulnerabilities(first: Int = 20): [Finding!] }
  "A piece of software."
  type Component implements Entity { ref: ID! vulnerabilities(first: Int = 20): [Finding!] "Its lifecycle." lifecycle: String }
  "A vulnerability finding."
  type Finding { "How bad." severity: Severity! }
  "How bad a finding is."
  enum Severity { "Fix now." CRITICAL LOW }
  type Query { "One entity by ref." entity(ref: ID!): Entity }
`);

describe('describeSchema', () => {
  it('starts from the root queries and the fields every entity has', () => {
    expect(describeOverview(schema)).toEqual(
      expect.objectContaining({
        queries: ['entity(ref: ID!): Entity - One entity by ref.'],
        entityFields: ['ref: ID! - Its ref.', 'vulnerabilities(first: Int): [Finding!] - Open findings.'],
        entityKinds: ['Component'],
      }),
    );
  });

  it('describes a type with its fields, arguments, enum values and implementations', () => {
    expect(describeType(schema, schema.getType('Entity')!)).toEqual(
      expect.objectContaining({ kind: 'interface', implementedBy: ['Component'], fields: expect.arrayContaining([expect.objectContaining({ name: 'vulnerabilities', args: [{ name: 'first', type: 'Int', default: 20 }] })]) }),
    );
    expect(describeType(schema, schema.getType('Severity')!)).toEqual({
      name: 'Severity',
      kind: 'enum',
      description: 'How bad a finding is.',
      values: [{ name: 'CRITICAL', description: 'Fix now.' }, { name: 'LOW' }],
    });
  });

  it('finds every word in names and descriptions, listing an interface field once', () => {
    expect(searchSchema(schema, 'findings').hits.map((hit) => hit.coordinate)).toEqual(['Entity.vulnerabilities']);
    expect(searchSchema(schema, 'how bad').hits.map((hit) => hit.coordinate)).toEqual(['Finding.severity', 'Severity']);
    expect(searchSchema(schema, 'nothing-like-this')).toEqual({ total: 0, hits: [] });
  });
});
