/**
 * The catalog table's filters, and their form in the URL's search params: the URL is the
 * state, so a filtered view can be bookmarked, shared, and walked with back and forward.
 * Lists are repeated params (`?kind=Component&kind=API`), in a fixed order so one set of
 * filters always prints as one URL.
 */
export interface CatalogFilters {
  kind: string[];
  type: string[];
  owner: string[];
  lifecycle: string[];
  tags: string[];
  /** Free text (`q` in the URL). */
  text: string;
  /** The cursor the page starts after; null for the first page. */
  after: string | null;
}

/** The list filters, in URL order, with their param names. */
export const LIST_FILTERS = [
  ['kind', 'kind'],
  ['type', 'type'],
  ['owner', 'owner'],
  ['lifecycle', 'lifecycle'],
  ['tags', 'tag'],
] as const satisfies ReadonlyArray<readonly [keyof CatalogFilters, string]>;

export type ListFilterName = (typeof LIST_FILTERS)[number][0];

export const NO_FILTERS: CatalogFilters = { kind: [], type: [], owner: [], lifecycle: [], tags: [], text: '', after: null };

/** Reads filters from `location.search` (with or without the `?`); unknown params are ignored. */
export function filtersFromSearch(search: string): CatalogFilters {
  const params = new URLSearchParams(search);
  const filters: CatalogFilters = { ...NO_FILTERS, text: params.get('q')?.trim() ?? '', after: params.get('after') || null };
  for (const [name, param] of LIST_FILTERS) filters[name] = distinct(params.getAll(param));
  return filters;
}

/** Prints filters as a search string: `''` when there are none, else `?...`. */
export function searchFromFilters(filters: CatalogFilters): string {
  const params = new URLSearchParams();
  if (filters.text.trim()) params.set('q', filters.text.trim());
  for (const [name, param] of LIST_FILTERS) for (const value of distinct(filters[name])) params.append(param, value);
  if (filters.after) params.set('after', filters.after);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** True when two filter sets select the same entities (the page cursor aside). */
export function sameSelection(a: CatalogFilters, b: CatalogFilters): boolean {
  return searchFromFilters({ ...a, after: null }) === searchFromFilters({ ...b, after: null });
}

function distinct(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}
