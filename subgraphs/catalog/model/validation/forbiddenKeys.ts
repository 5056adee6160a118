/**
 * Rejects keys that can pollute prototypes when entities are later merged or
 * copied key by key (the YAML and JSON parsers keep "__proto__" as an own
 * key). Backstage has no such rule; it is ours, and it runs before any other.
 */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Item {
  key?: string;
  value: unknown;
  path: string[];
}

function children(item: Item): Item[] {
  const { value, path } = item;
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).map(key => ({
    key,
    value: (value as Record<string, unknown>)[key],
    path: [...path, key],
  }));
}

/** One message per forbidden key, anywhere in the value, in document order. */
export function findForbiddenKeys(value: unknown): string[] {
  const errors: string[] = [];
  const seen = new WeakSet<object>();
  // Iterative on purpose: a hostile document can nest deeper than the stack.
  const stack: Item[] = [{ value, path: [] }];

  while (stack.length) {
    const item = stack.pop()!;
    if (item.key !== undefined && FORBIDDEN_KEYS.has(item.key)) {
      errors.push(
        `Forbidden key "${item.key}" at ${item.path.join('.')}; keys named __proto__, constructor or prototype are not allowed anywhere in an entity`,
      );
      continue;
    }
    if (typeof item.value === 'object' && item.value !== null) {
      if (seen.has(item.value)) continue;
      seen.add(item.value);
      stack.push(...children(item).reverse());
    }
  }
  return errors;
}
