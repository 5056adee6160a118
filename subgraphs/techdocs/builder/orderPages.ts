import type { NavPage } from './readMkdocsNav';

/** A page's place in the docs and the title the nav gives it. */
export interface OrderedPage {
  path: string;
  navTitle: string | null;
}

/**
 * The reading order of a docs folder. With an mkdocs `nav`: its order, then any page it
 * does not list (alphabetically, so nothing published is unreachable). Without: `index.md`
 * first, then alphabetical. Nav entries naming a missing file are dropped, as mkdocs warns
 * and moves on.
 */
export function orderPages(paths: readonly string[], nav: readonly NavPage[] | null): OrderedPage[] {
  const remaining = new Set(paths);
  const ordered: OrderedPage[] = [];
  for (const entry of nav ?? []) {
    if (!remaining.delete(entry.path)) continue;
    ordered.push({ path: entry.path, navTitle: entry.title });
  }
  const rest = [...remaining].sort((a, b) => sortKey(a, nav).localeCompare(sortKey(b, nav)));
  return [...ordered, ...rest.map((path) => ({ path, navTitle: null }))];
}

// Without a nav the root index leads; with one, the nav said where it goes.
function sortKey(path: string, nav: readonly NavPage[] | null): string {
  return !nav && path === 'index.md' ? '' : path;
}
