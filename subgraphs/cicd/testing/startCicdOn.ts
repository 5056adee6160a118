import type { RunningSubgraph } from '../../../kit';
import { startTestSubgraph, type TestDatabase, type TestDatabaseKind, type TestSubgraphOptions } from '../../../kit/testing';
import { createCicdSubgraph, type CicdOptions } from '../index';
import type { CicdServices } from '../services';

export interface CicdOnDatabase {
  subgraph: RunningSubgraph<CicdServices>;
  stop(): Promise<void>;
}

/** The cicd subgraph on a fresh database of the given kind (migrated), for data-layer tests. */
export async function startCicdOn(
  kind: TestDatabaseKind,
  options: CicdOptions = {},
  testOptions: Omit<TestSubgraphOptions, 'databaseUrl'> = {},
): Promise<CicdOnDatabase> {
  const database: TestDatabase = await kind.create();
  try {
    const subgraph = await startTestSubgraph(createCicdSubgraph(options), { ...testOptions, databaseUrl: database.url });
    return {
      subgraph,
      stop: async () => {
        await subgraph.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
