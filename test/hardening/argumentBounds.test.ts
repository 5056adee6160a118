import {
  getNamedType,
  isInputObjectType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { buildServedSchema, DEFAULT_MAX_ARGUMENT_ITEMS, DEFAULT_MAX_ARGUMENT_TEXT, type SubgraphModule } from '../../kit';
import { postGraphQL } from '../../kit/testing';
import { SUBGRAPHS } from '../../supergraph.config';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

const TEXT_TYPES = new Set(['String', 'ID']);

/** A value for `type` with one string or list one past its bound, or null when it holds no text. */
function oversized(type: GraphQLInputType, maxText: number): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return TEXT_TYPES.has(getNamedType(inner).name) ? Array(DEFAULT_MAX_ARGUMENT_ITEMS + 1).fill('a') : null;
  if (isInputObjectType(inner)) {
    const field = Object.values(inner.getFields()).find((candidate) => oversized(candidate.type, maxText) !== null);
    return field ? { [field.name]: oversized(field.type, maxText) } : null;
  }
  return TEXT_TYPES.has(getNamedType(inner).name) ? 'x'.repeat(maxText + 1) : null;
}

/** Every field argument of a subgraph that holds text, with an oversized value. */
function textArguments(module: SubgraphModule<unknown, object>) {
  const schema = buildServedSchema(module);
  const found: { path: string; field: GraphQLField<unknown, unknown>; arg: GraphQLArgument; value: unknown }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (type.name === 'Query' && field.name === '_entities') continue;
      for (const arg of field.args) {
        const path = `${type.name}.${field.name}.${arg.name}`;
        const value = oversized(arg.type, module.argumentTextLimits?.[path] ?? DEFAULT_MAX_ARGUMENT_TEXT);
        if (value !== null) found.push({ path, field, arg, value });
      }
    }
  }
  return found;
}

// Issue 15, section 3: every text and list argument of every subgraph has a bound. The list
// comes from the schemas, so a new argument is covered without touching this test.
describe('argument bounds', () => {
  it.each(SUBGRAPHS.map((entry) => [entry.name, entry]))('every text and list argument of %s is bounded', async (_, entry) => {
    const module = await entry.load({ SCORECARDS_GATEWAY_URL: 'http://127.0.0.1:9/graphql' });
    const args = textArguments(module as SubgraphModule<unknown, object>);
    expect(args.length).toBeGreaterThan(0);
    const unbounded: string[] = [];
    for (const { path, field, arg, value } of args) {
      // The bound runs before the subgraph's own resolver: it never sees the value.
      const outcome = await Promise.resolve()
        .then(() => field.resolve!({}, { [arg.name]: value }, {}, {} as never))
        .then(() => 'accepted', (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`);
      if (!/^BAD_USER_INPUT: ".+" may (be|hold) at most/.test(outcome)) unbounded.push(`${path}: ${outcome}`);
    }
    expect(unbounded).toEqual([]);
  });

  describe('through the gateway', () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await startPlatform({ only: ['catalog', 'techdocs'], subgraph: () => ({ demo: true }) });
    });
    afterAll(() => platform?.stop());

    it('refuses a 900 KB searchDocs query as an input error, and keeps answering', async () => {
      const query = 'quokka '.repeat(130_000);
      const refused = await postGraphQL(platform.gatewayUrl, 'query ($q: String!) { searchDocs(query: $q) { rank } }', { q: query });
      expect(refused.errors?.[0]).toMatchObject({ message: `"query" may be at most 500 characters; it has ${query.length}`, extensions: { code: 'BAD_USER_INPUT' } });
      const fine = await postGraphQL(platform.gatewayUrl, '{ searchDocs(query: "checkout") { rank } }');
      expect(fine.errors).toBeUndefined();
      expect(fine.data!.searchDocs.length).toBeGreaterThan(0);
    });
  });
});
