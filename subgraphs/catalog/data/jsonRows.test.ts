import { JsonRows } from './jsonRows';

describe('JsonRows', () => {
  it('gives back the rows chosen, in the order asked, between what goes before and after', () => {
    const rows = new JsonRows();
    const indexes = ['{"a":1}', '{"b":"é ✓ 🚀"}', '{"c":[null]}'].map((row) => rows.push(row));
    expect(indexes).toEqual([0, 1, 2]);
    expect(rows.length).toBe(3);
    expect(rows.join([0, 1, 2], '[', ']')).toBe('[{"a":1},{"b":"é ✓ 🚀"},{"c":[null]}]');
    expect(rows.join([2, 0], 'x(', ')y')).toBe('x({"c":[null]},{"a":1})y');
    expect(rows.join([], '[', ']')).toBe('[]');
  });

  it('grows past its first buffer without losing a byte, and starts over after clear', () => {
    const rows = new JsonRows();
    const big = Array.from({ length: 300 }, (_, i) => JSON.stringify({ i, text: `${'ü'.repeat(1000)}${i}` }));
    big.forEach((row) => rows.push(row));
    expect(rows.join(big.map((_, i) => i), '[', ']')).toBe(`[${big.join(',')}]`);
    rows.clear();
    expect(rows.length).toBe(0);
    expect(rows.includes('ü')).toBe(false);
    expect(rows.push('{"again":true}')).toBe(0);
    expect(rows.join([0], '', '')).toBe('{"again":true}');
  });

  it('says whether any row holds a text', () => {
    const rows = new JsonRows();
    rows.push('{"d":"costs $5"}');
    expect(rows.includes('$5')).toBe(true);
    expect(rows.includes('$rows$')).toBe(false);
    rows.push('{"d":"$rows$"}');
    expect(rows.includes('$rows$')).toBe(true);
  });

  it('quotes the rows with a tag none of them holds', () => {
    const rows = new JsonRows();
    rows.push('{"d":"plain"}');
    expect(rows.sqlLiteral(rows.all(), 'SELECT ', '::jsonb')).toBe('SELECT $rows$[{"d":"plain"}]$rows$::jsonb');
    rows.push('{"d":"$rows$ and $rows_$"}');
    expect(rows.sqlLiteral(rows.all(), 'SELECT ', '::jsonb')).toBe('SELECT $rows__$[{"d":"plain"},{"d":"$rows$ and $rows_$"}]$rows__$::jsonb');
  });
});
