/**
 * A field that only some kinds have (`type`, `lifecycle`, `owner`...), read from a union of
 * kinds: its value where the kind has it, null elsewhere.
 */
export function optionalField<K extends string, V>(entity: object, field: K): V | null {
  return field in entity ? ((entity as Record<K, V | null | undefined>)[field] ?? null) : null;
}
