import { Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { WebCatalogQuery } from '../../../generated/graphql';
import type { CatalogFilters, ListFilterName } from '../url/catalogFilters';
import { refLabel } from '../url/entityPaths';
import { FacetSelect } from './FacetSelect';

/** How long typing pauses before the search runs (one request per pause, not per key). */
const TYPING_PAUSE_MS = 300;

/**
 * The catalog's filters: free text and one facet list per field, with counts. Every change
 * goes to `onChange` (the page puts it in the URL and starts again at the first page).
 */
export function CatalogFilterPanel({
  filters,
  data,
  onChange,
}: {
  filters: CatalogFilters;
  data: WebCatalogQuery | null;
  onChange(filters: CatalogFilters): void;
}) {
  const [text, setText] = useState(filters.text);
  useEffect(() => setText(filters.text), [filters.text]);
  useEffect(() => {
    if (text.trim() === filters.text) return;
    const timer = setTimeout(() => onChange({ ...filters, text: text.trim(), after: null }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const set = (name: ListFilterName) => (value: string[]) => onChange({ ...filters, [name]: value, after: null });
  return (
    <Stack gap="sm" component="form" role="search" onSubmit={(event) => event.preventDefault()}>
      <TextInput label="Search" placeholder="Name, title, description, tags" value={text} onChange={(event) => setText(event.currentTarget.value)} />
      <FacetSelect label="Kind" facet={data?.kindFacet.facets} value={filters.kind} onChange={set('kind')} />
      <FacetSelect label="Type" facet={data?.typeFacet.facets} value={filters.type} onChange={set('type')} />
      <FacetSelect label="Owner" facet={data?.ownerFacet.facets} value={filters.owner} onChange={set('owner')} format={refLabel} />
      <FacetSelect label="Lifecycle" facet={data?.lifecycleFacet.facets} value={filters.lifecycle} onChange={set('lifecycle')} />
      <FacetSelect label="Tags (all of)" facet={data?.tagFacet.facets} value={filters.tags} onChange={set('tags')} />
    </Stack>
  );
}
