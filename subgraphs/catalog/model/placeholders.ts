/**
 * Backstage's $text / $json / $yaml placeholders (PlaceholderProcessor): an
 * object whose only key is one of them, with a string value, stands for the
 * content of the file or URL it names. Backstage resolves them before any
 * validation, which needs I/O; these pure helpers let validation tolerate them
 * and let the ingestion code find what to resolve.
 */

export const PLACEHOLDER_RESOLVERS = ['text', 'json', 'yaml'] as const;
export type PlaceholderResolverName = (typeof PLACEHOLDER_RESOLVERS)[number];

export interface Placeholder {
  /** Where the placeholder object sits, as keys and array indexes from the root. */
  path: (string | number)[];
  resolver: PlaceholderResolverName;
  /** The absolute URL or relative path to read. */
  target: string;
}

function resolverOf(key: string): PlaceholderResolverName | undefined {
  return PLACEHOLDER_RESOLVERS.find(name => `$${name}` === key);
}

/** True for `{ $text: "..." }` and its $json / $yaml siblings. */
export function isPlaceholder(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 &&
    resolverOf(keys[0]) !== undefined &&
    typeof (value as Record<string, unknown>)[keys[0]] === 'string'
  );
}

/**
 * Every placeholder Backstage would resolve, in document order. Like
 * Backstage, objects mixing $-keys with others (JSON Schema's "$ref", say) are
 * left alone, and so is everything inside them.
 */
export function findPlaceholders(value: unknown): Placeholder[] {
  const found: Placeholder[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (isPlaceholder(current)) {
      const [key] = Object.keys(current);
      found.push({ path, resolver: resolverOf(key)!, target: current[key] });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((item, i) => [i, item])
      : Object.entries(current);
    if (!Array.isArray(current) && entries.some(([key]) => String(key).startsWith('$'))) continue;
    for (const [key, child] of entries.reverse()) stack.push({ value: child, path: [...path, key] });
  }
  return found;
}
