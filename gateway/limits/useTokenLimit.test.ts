import { executeWith } from './executeWith';
import { useTokenLimit } from './useTokenLimit';

// graphql-js counts 11 tokens in this document (its count includes the start of the source).
const QUERY = '{ entity(ref: "a") { name } }';

describe('useTokenLimit', () => {
  it('lets a document within the limit through', async () => {
    const result = await executeWith([useTokenLimit(11)], QUERY);
    expect(result.errors).toBeUndefined();
  });

  it('refuses a longer one with 400 TOO_MANY_TOKENS, before it is parsed into anything', async () => {
    const result = await executeWith([useTokenLimit(10)], QUERY);
    expect(result.status).toBe(400);
    expect(result.codes).toEqual(['TOO_MANY_TOKENS']);
    // graphql 16's own wording, typo included.
    expect(result.errors?.[0].message).toBe('Syntax Error: Document contains more that 10 tokens. Parsing aborted.');
  });
});
