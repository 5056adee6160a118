/**
 * Where each entity lives in the UI. Refs are `kind:namespace/name`, lower-cased by the
 * catalog; groups get the team page, everything else the entity page.
 */
export interface RefParts {
  kind: string;
  namespace: string;
  name: string;
}

/** Splits a canonical ref; `kind:name` means the default namespace. Null when it has no kind. */
export function parseRef(ref: string): RefParts | null {
  const colon = ref.indexOf(':');
  if (colon <= 0) return null;
  const rest = ref.slice(colon + 1);
  const slash = rest.indexOf('/');
  const namespace = slash >= 0 ? rest.slice(0, slash) : 'default';
  const name = slash >= 0 ? rest.slice(slash + 1) : rest;
  if (!name || !namespace) return null;
  return { kind: ref.slice(0, colon).toLowerCase(), namespace, name };
}

/** The ref for route params, lower-cased as the catalog stores it. */
export function refFromParts({ kind, namespace, name }: RefParts): string {
  return `${kind}:${namespace}/${name}`.toLowerCase();
}

/** The short name to show for a ref: the name, with the namespace when it is not `default`. */
export function refLabel(ref: string): string {
  const parts = parseRef(ref);
  if (!parts) return ref;
  return parts.namespace === 'default' ? parts.name : `${parts.namespace}/${parts.name}`;
}

function segments({ kind, namespace, name }: RefParts): string {
  return [kind, namespace, name].map(encodeURIComponent).join('/');
}

/** The entity page; a group's link goes to its team page. */
export function entityPath(ref: string): string {
  const parts = parseRef(ref);
  if (!parts) return '/';
  return parts.kind === 'group' ? `/group/${segments(parts)}` : `/entity/${segments(parts)}`;
}

/** The plain entity page, for any kind (groups too). */
export function entityDetailsPath(ref: string): string {
  const parts = parseRef(ref);
  return parts ? `/entity/${segments(parts)}` : '/';
}

/** One page of an entity's docs; `index.md` when no page is named. */
export function docsPath(ref: string, pagePath = 'index.md'): string {
  const parts = parseRef(ref);
  if (!parts) return '/';
  return `/docs/${segments(parts)}/${pagePath.split('/').map(encodeURIComponent).join('/')}`;
}
