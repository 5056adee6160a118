/** Thrown where `@apollo/gateway` would throw while walking to a `Flatten` path: its own replay reports it. */
export class UnexpectedShapeAtPath extends Error {}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The entities a `Flatten(path)` fetch is about, as `@apollo/gateway` collects them
 * (`moveIntoCursor`, `flattenResultsAtPath` and the start of `executeFetch`): the values
 * at the path, `@` going through a list (one level flattened per `@`), null and missing
 * ones left out. Null when there is nothing to fetch for (the gateway then sends nothing).
 */
export function entitiesAtPath(root: Record<string, unknown>, path: readonly string[]): unknown[] | null {
  const data = flatten(root, path, 0);
  if (!data) return null;
  const entities = Array.isArray(data) ? data.filter((entity) => entity !== null && entity !== undefined) : [data];
  return entities.length > 0 ? entities : null;
}

function flatten(value: unknown, path: readonly string[], index: number): unknown {
  if (index === path.length || value === undefined || value === null) return value;
  const element = path[index];
  if (element === '@') {
    // The gateway calls `value.flatMap`: anything but a list throws there.
    if (!Array.isArray(value)) throw new UnexpectedShapeAtPath(path.join('.'));
    return value.flatMap((item) => flatten(item, path, index + 1));
  }
  if (Array.isArray(value)) throw new UnexpectedShapeAtPath(path.join('.'));
  // `getOwn`, which also reads a primitive's own properties (a string's `length`).
  return flatten(hasOwn.call(value, element) ? (value as Record<string, unknown>)[element] : undefined, path, index + 1);
}
