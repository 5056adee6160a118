import { startSubgraph, type RunningSubgraph } from '../server/startSubgraph';
import type { SubgraphModule } from '../server/subgraphModule';

export interface TestSubgraphOptions {
  /** Defaults to a fresh in-memory PGlite. */
  databaseUrl?: string;
  demo?: boolean;
  locations?: string[];
  /** Collects log lines instead of printing them. */
  logs?: string[];
  /** Receives every SQL statement Prisma sends, to count round trips. */
  onQuery?: (sql: string) => void;
}

/** Starts a subgraph on a free loopback port, quietly, for a test. */
export function startTestSubgraph<Services, Context extends object>(
  module: SubgraphModule<Services, Context>,
  options: TestSubgraphOptions = {},
): Promise<RunningSubgraph<Services>> {
  return startSubgraph(module, {
    port: 0,
    databaseUrl: options.databaseUrl ?? 'memory://',
    database: { onQuery: options.onQuery },
    runtime: {
      demo: options.demo ?? false,
      locations: options.locations ?? [],
      log: (line) => void options.logs?.push(line),
    },
  });
}
