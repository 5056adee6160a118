import { MAX_OPERATION_CHARS, readOnlyOperation } from './readOnlyOperation';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('readOnlyOperation', () => {
  it('accepts a query, picked by name among several', () => {
    expect(readOnlyOperation('{ a }').operation.operation).toBe('query');
    expect(readOnlyOperation('query A { a } mutation B { b }', 'A').operation.name?.value).toBe('A');
  });

  it('refuses mutations and subscriptions, naming the write tools', () => {
    expect(() => readOnlyOperation('mutation { removeEntity(ref: "x") }')).toThrow(/Only queries run here: this is a mutation.*apply_descriptors/);
    expect(codeOf(() => readOnlyOperation('subscription { entityChanged { ref } }'))).toBe('OPERATION_NOT_ALLOWED');
    expect(codeOf(() => readOnlyOperation('query A { a } mutation B { b }', 'B'))).toBe('OPERATION_NOT_ALLOWED');
  });

  it('asks for an operation name when there are several, and names them', () => {
    expect(() => readOnlyOperation('query A { a } query B { b }')).toThrow(/has 2 operations \(A, B\); name one with "operationName"/);
    expect(() => readOnlyOperation('query A { a }', 'C')).toThrow(/No operation named "C" in the document \(it has: A\)/);
  });

  it('refuses text that does not parse, or is too long to parse, before the gateway sees it', () => {
    expect(codeOf(() => readOnlyOperation('{ a'))).toBe('GRAPHQL_PARSE_FAILED');
    expect(() => readOnlyOperation(`{ ${'a '.repeat(MAX_OPERATION_CHARS)} }`)).toThrow(/at most 20000 are accepted/);
    expect(() => readOnlyOperation(`{ ${'a '.repeat(6_000)} }`)).toThrow(/more that 5000 tokens/);
  });
});
