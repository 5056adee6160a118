/**
 * A catalog entity as this plugin knows it: its ref, and the project slug its
 * `github.com/project-slug` annotation names (lower-cased), if any. Runs reported for
 * either belong to it.
 */
export interface EntityKey {
  ref: string;
  projectSlug: string | null;
}

/** One string per entity key: DataLoader's cache key, since keys are objects. */
export function entityKeyId(key: EntityKey): string {
  return `${key.ref}\u0000${key.projectSlug ?? ''}`;
}
