import { Card, Grid, Group, Loader, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { WebCatalogDocument } from '../../../generated/graphql';
import { catalogVariables } from '../api/catalogVariables';
import { useGraphQL } from '../api/useGraphQL';
import { CatalogFilterPanel } from '../components/CatalogFilterPanel';
import { EntityTable } from '../components/EntityTable';
import { ErrorList } from '../components/ErrorList';
import { Pager } from '../components/Pager';
import { QueryStatus } from '../components/QueryStatus';
import { filtersFromSearch, sameSelection, searchFromFilters, type CatalogFilters } from '../url/catalogFilters';
import { navigate } from '../url/navigate';

/** The catalog table at `/`: filters and page in the URL, facets with counts beside it. */
export function CatalogPage({ search }: { search: string }) {
  const filters = filtersFromSearch(search);
  const query = useGraphQL(WebCatalogDocument, catalogVariables(filters));
  // The cursors of the pages before this one, walked in this tab: keyset cursors only go forward.
  const [previousCursors, setPreviousCursors] = useState<Array<string | null>>([]);
  useEffect(() => {
    if (!filters.after) setPreviousCursors([]);
  }, [filters.after]);

  const change = useCallback(
    (next: CatalogFilters) => {
      if (!sameSelection(next, filtersFromSearch(window.location.search))) setPreviousCursors([]);
      navigate(`/${searchFromFilters(next)}`, { replace: next.text !== filters.text });
    },
    [filters.text],
  );

  const data = query.result?.data ?? null;
  const page = data?.entities;
  const pageNumber = !filters.after ? 1 : previousCursors.length ? previousCursors.length + 1 : null;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Card withBorder radius="md" padding="md">
          <CatalogFilterPanel filters={filters} data={data} onChange={change} />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Group justify="space-between" mb="sm">
          <Title order={1} fz="h2">
            Catalog
          </Title>
          <Group gap="xs">
            {query.loading && query.result && <Loader size="xs" aria-label="Updating" />}
            {page && (
              <Text c="dimmed" data-testid="total-count">
                {page.totalCount} {page.totalCount === 1 ? 'entity' : 'entities'}
              </Text>
            )}
          </Group>
        </Group>
        <QueryStatus query={query} />
        {query.result && <ErrorList title="Some of the catalog could not be loaded" errors={query.result.errors} />}
        {page && (
          <Card withBorder radius="md" padding={0}>
            {page.edges.length ? (
              <EntityTable rows={page.edges.map((edge) => edge.node)} caption="Catalog entities" />
            ) : (
              <Text p="lg" c="dimmed">
                No entity matches these filters.
              </Text>
            )}
          </Card>
        )}
        {page && (
          <Pager
            pageNumber={pageNumber}
            hasPrevious={previousCursors.length > 0}
            hasNext={page.pageInfo.hasNextPage}
            onFirst={() => change({ ...filters, after: null })}
            onPrevious={() => {
              const before = previousCursors[previousCursors.length - 1] ?? null;
              setPreviousCursors(previousCursors.slice(0, -1));
              change({ ...filters, after: before });
            }}
            onNext={() => {
              setPreviousCursors([...previousCursors, filters.after]);
              change({ ...filters, after: page.pageInfo.endCursor });
            }}
          />
        )}
      </Grid.Col>
    </Grid>
  );
}
