import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { createDocumentStore } from './createDocumentStore';
import { createDocumentTemplates } from './templates/createDocumentTemplates';
import { useLiteralHoisting } from './useLiteralHoisting';

const typeDefs = `
  type Query {
    echo(text: String!, times: Int): String
    entity(ref: ID!): Entity
  }
  type Entity { ref: ID! name: String! }
`;
const resolvers = {
  Query: {
    echo: (_: unknown, { text, times }: { text: string; times?: number }) => text.repeat(times ?? 1),
    // A null name breaks the schema's promise: an execution error with a path.
    entity: (_: unknown, { ref }: { ref: string }) => ({ ref, name: ref === 'broken' ? null : ref.toUpperCase() }),
  },
};

/** Counts what Apollo Server parses and validates. */
function counting() {
  const counts = { parsed: 0, validated: 0 };
  const plugin: ApolloServerPlugin = {
    requestDidStart: async () => ({
      parsingDidStart: async () => void counts.parsed++,
      validationDidStart: async () => void counts.validated++,
    }),
  };
  return { counts, plugin };
}

// Texts as scripts send them: values written in, a numbered comment, other spacing.
const REQUESTS: { query: string; variables?: Record<string, unknown> }[] = [
  { query: '{ echo(text: "a", times: 2) entity(ref: "x") { ref name } }' },
  { query: '{ echo(text: "bb", times: 3) entity(ref: "y") { ref name } } # request 2' },
  { query: '{\n  echo(text: "c", times: 1)\n  entity(ref: "broken") { ref name }\n}' },
  { query: '{ echo(text: "c", times: 1) entity(ref: "broken") { ref name } }' },
  // A variable left out: its error points at its definition, wherever this text has it.
  { query: 'query ($n: Int!) { echo(text: "x", times: $n) }' },
  { query: 'query (\n\n  $n: Int!) { echo(text: "longer text", times: $n) }' },
  { query: 'query ($n: Int!) { echo(text: "x", times: $n) }', variables: { n: 'three' } },
  // Not an Int: the validation error as Apollo Server gives it.
  { query: '{ echo(text: "a", times: 2147483648) entity(ref: "z") { ref name } }' },
  { query: '{ echo(text: "a", times: 2147483647) entity(ref: "z") { ref name } }' },
  { query: '{ echo(text: "a", times: 2) entity(ref: "x") { ref nope } }' },
];

describe('useLiteralHoisting with templates', () => {
  const plain = new ApolloServer({ typeDefs, resolvers, includeStacktraceInErrorResponses: false });
  const { counts, plugin } = counting();
  const store = createDocumentStore();
  const templated = new ApolloServer({
    typeDefs,
    resolvers,
    includeStacktraceInErrorResponses: false,
    documentStore: store,
    plugins: [useLiteralHoisting({ templates: { templates: createDocumentTemplates(), store } }), plugin],
  });
  beforeAll(() => Promise.all([plain.start(), templated.start()]));
  afterAll(() => Promise.all([plain.stop(), templated.stop()]));

  it('answers every text as Apollo Server alone does, errors and their locations included', async () => {
    for (const request of REQUESTS) {
      const [expected, received] = await Promise.all([plain.executeOperation(request), templated.executeOperation(request)]);
      expect({ query: request.query, ...received.body, http: received.http.status }).toEqual({ query: request.query, ...expected.body, http: expected.http.status });
    }
    // Parsed: the first of each shape, the Int out of range and the unknown field; the rest
    // were built from templates (the repeated text came from Apollo Server's own cache).
    expect(counts).toEqual({ parsed: 4, validated: 4 });
  });

  it('parses and validates a shape once: later texts of it are built from its template', async () => {
    const before = { ...counts };
    for (let i = 0; i < 20; i++) {
      const response = await templated.executeOperation({ query: `{ echo(text: "n${i}", times: ${i}) entity(ref: "e${i}") { ref name } }\n# ${i}` });
      expect(response.body).toEqual({ kind: 'single', singleResult: { data: { echo: `n${i}`.repeat(i), entity: { ref: `e${i}`, name: `E${i}` } } } });
    }
    // The shape was learnt by the first test: nothing parsed or validated since.
    expect(counts).toEqual(before);
    await templated.executeOperation({ query: '{ echo(text: "new shape") }' });
    expect(counts).toEqual({ parsed: before.parsed + 1, validated: before.validated + 1 });
  });
});
