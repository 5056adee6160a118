import { executeWith } from './executeWith';
import { useDirectiveLimit } from './useDirectiveLimit';

const withDirectives = (count: number) =>
  `query ($yes: Boolean = true) { entity(ref: "a") { ${Array.from({ length: count }, () => 'name @include(if: $yes)').join(' ')} } }`;

describe('useDirectiveLimit', () => {
  const limit = [useDirectiveLimit(3)];

  it('lets an operation with as many directives as allowed through', async () => {
    const result = await executeWith(limit, withDirectives(3));
    expect(result.errors).toBeUndefined();
    expect(result.data?.entity).toEqual({ name: 'a' });
  });

  it('refuses one more with 400 TOO_MANY_DIRECTIVES', async () => {
    const result = await executeWith(limit, withDirectives(4));
    expect(result.status).toBe(400);
    expect(result.codes).toEqual(['TOO_MANY_DIRECTIVES']);
    expect(result.errors?.[0].message).toBe('The operation uses 4 directives; at most 3 are allowed');
  });

  it('counts directives on fragment spreads and inside fragments, once per spread', async () => {
    const query = `
      query ($no: Boolean = false) { entity(ref: "a") { ...F @skip(if: $no) ...F } }
      fragment F on Entity { name @skip(if: $no) }`;
    // 1 on a spread + 1 inside F, spread twice = 3: allowed; a fourth tips it over.
    expect((await executeWith(limit, query)).errors).toBeUndefined();
    const over = await executeWith(limit, query.replace('...F }', '...F @skip(if: $no) }'));
    expect(over.codes).toEqual(['TOO_MANY_DIRECTIVES']);
  });
});
