import { postGraphQL, startTestSubgraph, type RunningTestSubgraph, type TestDatabase, type TestDatabaseKind } from '../../kit/testing';
import { createCatalogSubgraph, type CatalogOptions } from '.';
import type { CatalogContext } from './context';

export interface DemoCatalog {
  /** Set before the tests run. */
  catalog: RunningTestSubgraph<CatalogContext>;
  /** Every SQL statement the catalog sent, in order; empty it to record one step. */
  statements: string[];
  post(query: string, variables?: Record<string, unknown>): ReturnType<typeof postGraphQL<Record<string, any>>>;
}

/**
 * For the tests of the calling `describe` block: the catalog subgraph on a new database
 * of `kind`, loaded with Backstage's example catalog (every kind, pages that end and
 * pages that go on), recording its SQL; stopped and dropped after them.
 */
export function useDemoCatalog(kind: TestDatabaseKind, options: CatalogOptions = {}): DemoCatalog {
  let database: TestDatabase | undefined;
  const demo: DemoCatalog = {
    catalog: undefined as unknown as RunningTestSubgraph<CatalogContext>,
    statements: [],
    post: (query, variables) => postGraphQL(demo.catalog.url, query, variables),
  };
  beforeAll(async () => {
    database = await kind.create();
    demo.catalog = await startTestSubgraph(createCatalogSubgraph(options), { databaseUrl: database.url, demo: true, onQuery: (sql) => demo.statements.push(sql) });
  });
  afterAll(async () => {
    await demo.catalog?.stop();
    await database?.drop();
  });
  return demo;
}
