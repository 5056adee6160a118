import { parse } from 'yaml';
import { findForbiddenKeys } from './forbiddenKeys';

describe('findForbiddenKeys', () => {
  it('accepts ordinary documents', () => {
    expect(findForbiddenKeys({ metadata: { name: 'x', labels: { a: 'b' } }, spec: { list: [{ a: 1 }] } })).toEqual([]);
    expect(findForbiddenKeys('text')).toEqual([]);
    expect(findForbiddenKeys(null)).toEqual([]);
  });

  it('finds __proto__ kept as an own key by JSON.parse', () => {
    const raw = JSON.parse('{"metadata":{"name":"x","__proto__":{"polluted":true}}}');
    expect(findForbiddenKeys(raw)).toEqual([
      'Forbidden key "__proto__" at metadata.__proto__; keys named __proto__, constructor or prototype are not allowed anywhere in an entity',
    ]);
  });

  it('finds __proto__ kept as an own key by the yaml parser', () => {
    const raw = parse('spec:\n  __proto__:\n    isAdmin: true\n');
    expect(findForbiddenKeys(raw)).toHaveLength(1);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('finds constructor and prototype at any depth, in document order', () => {
    const raw = { constructor: 1, spec: { steps: [{ input: { prototype: {} } }] }, z: { constructor: 2 } };
    expect(findForbiddenKeys(raw).map(m => m.split(';')[0])).toEqual([
      'Forbidden key "constructor" at constructor',
      'Forbidden key "prototype" at spec.steps.0.input.prototype',
      'Forbidden key "constructor" at z.constructor',
    ]);
  });

  it('copes with shared and very deep structures', () => {
    const shared = { prototype: 1 };
    expect(findForbiddenKeys({ a: shared, b: shared })).toHaveLength(1);
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) deep = (deep.next = {}) as Record<string, unknown>;
    expect(findForbiddenKeys(root)).toEqual([]);
  });
});
