import { refFromParts } from './entityPaths';

/** The pages of the UI, as read from a path. */
export type Route =
  | { page: 'catalog' }
  | { page: 'entity'; ref: string }
  | { page: 'group'; ref: string }
  | { page: 'docs'; ref: string; path: string }
  | { page: 'notFound' };

/**
 * `/`, `/entity/:kind/:namespace/:name`, `/group/:kind/:namespace/:name` (kind is `group`),
 * `/docs/:kind/:namespace/:name/<page path>`. Anything else is not found.
 */
export function matchRoute(pathname: string): Route {
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { page: 'notFound' };
  }
  const [page, kind, namespace, name, ...rest] = parts;
  if (parts.length === 0) return { page: 'catalog' };
  if (!kind || !namespace || !name) return { page: 'notFound' };
  const ref = refFromParts({ kind, namespace, name });
  if (page === 'entity' && rest.length === 0) return { page: 'entity', ref };
  if (page === 'group' && rest.length === 0 && kind.toLowerCase() === 'group') return { page: 'group', ref };
  if (page === 'docs') return { page: 'docs', ref, path: rest.length ? rest.join('/') : 'index.md' };
  return { page: 'notFound' };
}
