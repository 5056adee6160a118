import { executeWith } from './executeWith';
import { useAliasLimit } from './useAliasLimit';

const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `e${i}: entity(ref: "r${i}") { name }`).join(' ')} }`;

describe('useAliasLimit', () => {
  const limit = [useAliasLimit(3)];

  it('lets an operation with as many aliases as allowed through', async () => {
    const result = await executeWith(limit, aliased(3));
    expect(result.errors).toBeUndefined();
    expect(result.data?.e2).toEqual({ name: 'r2' });
  });

  it('refuses one more with 400 TOO_MANY_ALIASES', async () => {
    const result = await executeWith(limit, aliased(4));
    expect(result.status).toBe(400);
    expect(result.codes).toEqual(['TOO_MANY_ALIASES']);
    expect(result.errors?.[0].message).toBe('The operation uses 4 aliases; at most 3 are allowed');
  });

  it('counts a fragment\'s aliases once per spread', async () => {
    const query = `
      { a: entity(ref: "a") { ...Named } b: entity(ref: "b") { ...Named } }
      fragment Named on Entity { label: name }`;
    // 2 aliases inline + 1 in the fragment, spread twice = 4.
    const result = await executeWith(limit, query);
    expect(result.codes).toEqual(['TOO_MANY_ALIASES']);
    expect(result.errors?.[0].message).toContain('uses 4 aliases');
  });
});
