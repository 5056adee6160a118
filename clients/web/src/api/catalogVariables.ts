import type { EntityFilter, WebCatalogQueryVariables } from '../../../generated/graphql';
import type { CatalogFilters, ListFilterName } from '../url/catalogFilters';

/** Rows per page of the catalog table. */
export const PAGE_SIZE = 25;

/** The API filter for the table's filters, leaving out one list filter when asked (for its facet). */
export function entityFilterOf(filters: CatalogFilters, without?: ListFilterName): EntityFilter | null {
  const filter: EntityFilter = {};
  if (filters.kind.length && without !== 'kind') filter.kind = filters.kind;
  if (filters.type.length && without !== 'type') filter.type = filters.type;
  if (filters.owner.length && without !== 'owner') filter.owner = filters.owner;
  if (filters.lifecycle.length && without !== 'lifecycle') filter.lifecycle = filters.lifecycle;
  if (filters.tags.length && without !== 'tags') filter.tags = filters.tags;
  if (filters.text.trim()) filter.text = filters.text.trim();
  return Object.keys(filter).length ? filter : null;
}

/**
 * Variables for WebCatalog: the page, plus each facet's filter without its own field, so a
 * facet keeps offering the values one could add (a kind list of one is no choice).
 */
export function catalogVariables(filters: CatalogFilters, first = PAGE_SIZE): WebCatalogQueryVariables {
  return {
    filter: entityFilterOf(filters),
    first,
    after: filters.after,
    kindFilter: entityFilterOf(filters, 'kind'),
    typeFilter: entityFilterOf(filters, 'type'),
    ownerFilter: entityFilterOf(filters, 'owner'),
    lifecycleFilter: entityFilterOf(filters, 'lifecycle'),
  };
}
