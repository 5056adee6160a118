import path from 'node:path';

const TECHDOCS_REF = 'backstage.io/techdocs-ref';
const MANAGED_BY_LOCATION = 'backstage.io/managed-by-location';

/**
 * The folder holding an entity's docs, from Backstage's annotations: `techdocs-ref:
 * dir:<path>` relative to the descriptor that `managed-by-location: file:<descriptor>`
 * names. Null when either is missing, the ref is not `dir:` (URLs are not built here),
 * or the path leaves the descriptor's folder (a descriptor must not publish arbitrary
 * folders of the catalog's machine).
 */
export function docsFolderOf(annotations: readonly { key: string; value: string }[] | undefined): string | null {
  const value = (key: string) => annotations?.find((annotation) => annotation.key === key)?.value;
  const ref = value(TECHDOCS_REF);
  const location = value(MANAGED_BY_LOCATION);
  if (!ref?.startsWith('dir:') || !location?.startsWith('file:')) return null;
  const base = path.dirname(location.slice('file:'.length));
  const folder = path.resolve(base, ref.slice('dir:'.length));
  return folder === base || folder.startsWith(base + path.sep) ? folder : null;
}
