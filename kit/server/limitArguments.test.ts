import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { JSONScalar } from '../scalars/jsonScalar';
import { limitArguments } from './limitArguments';

const schema = () =>
  limitArguments(
    buildSubgraphSchema({
      typeDefs: parse(`
        scalar JSON
        input Filter { text: String, tags: [String!] }
        type Query {
          echo(text: String, filter: Filter, list: [String!], json: JSON): String
          search(query: String!): String
        }
      `),
      resolvers: { JSON: JSONScalar, Query: { echo: () => 'ran', search: () => 'ran' } } as never,
    }),
    { maxText: 20, maxItems: 3, text: { 'Query.search.query': 5 } },
  );

const run = async (source: string, variableValues?: Record<string, unknown>) => {
  const result = await graphql({ schema: schema(), source, variableValues });
  return { data: result.data, errors: result.errors?.map((error) => ({ message: error.message, code: (error.originalError as { code?: string })?.code })) };
};

describe('limitArguments', () => {
  it('lets bounded arguments through', async () => {
    expect(await run('{ echo(text: "short", filter: { tags: ["a"] }, list: ["a", "b", "c"], json: { a: ["x"] }) }')).toEqual({ data: { echo: 'ran' }, errors: undefined });
  });

  it.each([
    ['a long text', '{ echo(text: "123456789012345678901") }', '"text" may be at most 20 characters; it has 21'],
    ['a long text in an input object', '{ echo(filter: { text: "123456789012345678901" }) }', '"filter.text" may be at most 20 characters; it has 21'],
    ['a long list', '{ echo(list: ["a", "b", "c", "d"]) }', '"list" may hold at most 3 items; it has 4'],
    ['a long list in JSON', '{ echo(json: { a: [1, 2, 3, 4] }) }', '"json.a" may hold at most 3 items; it has 4'],
    ['a text over its own bound', '{ search(query: "123456") }', '"query" may be at most 5 characters; it has 6'],
    ['a NUL', '{ echo(text: "a\\u0000b") }', '"text" contains a NUL character (U+0000), which cannot be stored'],
  ])('refuses %s as BAD_USER_INPUT naming the argument, before the resolver runs', async (_, source, message) => {
    expect(await run(source)).toEqual({ data: { [source.includes('search') ? 'search' : 'echo']: null }, errors: [{ message, code: 'BAD_USER_INPUT' }] });
  });

  it('checks variables as well as literals', async () => {
    const result = await run('query ($t: String) { echo(text: $t) }', { t: 'x'.repeat(21) });
    expect(result.errors?.[0].message).toBe('"text" may be at most 20 characters; it has 21');
    // graphql-js refuses an unpaired surrogate in a literal; JSON variables carry one.
    const surrogate = await run('query ($l: [String!]) { echo(list: $l) }', { l: ['ok', '\ud800'] });
    expect(surrogate.errors).toEqual([{ message: '"list[1]" contains an unpaired surrogate (U+D800), which cannot be stored', code: 'BAD_USER_INPUT' }]);
  });
});
