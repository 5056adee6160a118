import { startTestSubgraph, type RunningTestSubgraph, type TestDatabaseKind, type TestSubgraphOptions } from '../../../kit/testing';
import { createScorecardsSubgraph, type ScorecardsOptions } from '../index';
import type { ScorecardsServices } from '../services';

export interface ScorecardsOnDatabase {
  subgraph: RunningTestSubgraph<ScorecardsServices>;
  stop(): Promise<void>;
}

/** The scorecards subgraph on a fresh database of the given kind (migrated, default checks seeded). */
export async function startScorecardsOn(
  kind: TestDatabaseKind,
  options: ScorecardsOptions = {},
  testOptions: Omit<TestSubgraphOptions, 'databaseUrl'> = {},
): Promise<ScorecardsOnDatabase> {
  const database = await kind.create();
  try {
    const subgraph = await startTestSubgraph(createScorecardsSubgraph(options), { ...testOptions, databaseUrl: database.url });
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
