import { executeWith } from './executeWith';
import { useRecursiveSelectionLimit } from './useRecursiveSelectionLimit';

/** Each fragment spreads the next twice: `levels` fragments select about 2^levels fields. */
function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Entity { name }` : `fragment F${i} on Entity { relations { target { ...F${i + 1} } } relations { target { ...F${i + 1} } } }`,
  );
  return `{ entity(ref: "a") { ...F0 } } ${fragments.join(' ')}`;
}

describe('useRecursiveSelectionLimit', () => {
  it('lets a fragment-heavy operation within the limit through', async () => {
    const result = await executeWith([useRecursiveSelectionLimit(200)], fragmentBomb(4));
    expect(result.errors).toBeUndefined();
  });

  it('refuses a fragment bomb with 400 TOO_MANY_SELECTIONS', async () => {
    const result = await executeWith([useRecursiveSelectionLimit(200)], fragmentBomb(30));
    expect(result.status).toBe(400);
    expect(result.codes).toEqual(['TOO_MANY_SELECTIONS']);
    expect(result.errors?.[0].message).toBe('Anonymous operation recursively requests too many selections.');
  });
});
