/**
 * DataLoader wants results in the order of its keys, one per key. A batched query
 * returns rows in any order: this puts them back, with `missing` where no row matched.
 */
export function oneInKeyOrder<Key, Row, Missing = null>(
  keys: readonly Key[],
  rows: readonly Row[],
  keyOf: (row: Row) => Key,
  missing: Missing = null as Missing,
): (Row | Missing)[] {
  const byKey = new Map<Key, Row>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => (byKey.has(key) ? (byKey.get(key) as Row) : missing));
}

/** The same for one-to-many loads: every key gets the list of its rows (empty if none). */
export function manyInKeyOrder<Key, Row>(keys: readonly Key[], rows: readonly Row[], keyOf: (row: Row) => Key): Row[][] {
  const byKey = new Map<Key, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((key) => byKey.get(key) ?? []);
}
