import { startTestSubgraph, type RunningTestSubgraph, type TestDatabase, type TestDatabaseKind } from '../../kit/testing';
import { createCatalogSubgraph } from '.';
import type { CatalogContext } from './context';

/**
 * For the tests of the calling `describe` block: the catalog subgraph on a new, empty
 * database of `kind`, with no periodic refresh (tests read when they choose); stopped and
 * dropped after them. `catalog` is set before the tests run.
 */
export function useEmptyCatalog(kind: TestDatabaseKind): { catalog: RunningTestSubgraph<CatalogContext> } {
  let database: TestDatabase | undefined;
  const empty = { catalog: undefined as unknown as RunningTestSubgraph<CatalogContext> };
  beforeAll(async () => {
    database = await kind.create();
    empty.catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0 }), { databaseUrl: database.url });
  });
  afterAll(async () => {
    await empty.catalog?.stop();
    await database?.drop();
  });
  return empty;
}
