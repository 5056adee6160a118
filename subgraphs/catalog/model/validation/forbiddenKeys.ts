/**
 * Rejects keys that can pollute prototypes when entities are later merged or
 * copied key by key (the YAML and JSON parsers keep "__proto__" as an own
 * key). Backstage has no such rule; it is ours, and it runs before any other.
 */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A value met in the walk, with the key it sits under and the item that holds it. */
interface Item {
  key?: string;
  value: unknown;
  parent?: Item;
}

/**
 * The keys from the root down to `item`. Built only for a finding: each item links to its
 * parent instead of carrying its own copy of the path, which made a deep document cost
 * time and memory quadratic in its depth (100,000 levels took minutes).
 */
function pathOf(item: Item): string {
  const keys: string[] = [];
  for (let at: Item | undefined = item; at?.key !== undefined; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

/** One message per forbidden key, anywhere in the value, in document order. */
export function findForbiddenKeys(value: unknown): string[] {
  const errors: string[] = [];
  const seen = new WeakSet<object>();
  // Iterative on purpose: a hostile document can nest deeper than the stack.
  const stack: Item[] = [{ value }];

  while (stack.length) {
    const item = stack.pop()!;
    if (item.key !== undefined && FORBIDDEN_KEYS.has(item.key)) {
      errors.push(
        `Forbidden key "${item.key}" at ${pathOf(item)}; keys named __proto__, constructor or prototype are not allowed anywhere in an entity`,
      );
      continue;
    }
    const current = item.value;
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    // Children pushed last-first, so that they are popped in document order.
    const keys = Object.keys(current);
    for (let index = keys.length - 1; index >= 0; index--) {
      stack.push({ key: keys[index], value: (current as Record<string, unknown>)[keys[index]], parent: item });
    }
  }
  return errors;
}
