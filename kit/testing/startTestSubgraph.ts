import type { DatabaseOptions } from '../database/openDatabase';
import type { Policy } from '../permissions/definePolicy';
import { startSubgraph, type RunningSubgraph } from '../server/startSubgraph';
import type { SubgraphModule } from '../server/subgraphModule';
import type { TestDatabaseKind } from './testDatabases';
import { TEST_SUBGRAPH_SECRET } from './testSecret';

export interface TestSubgraphOptions {
  /** Defaults to a fresh in-memory PGlite. */
  databaseUrl?: string;
  demo?: boolean;
  locations?: string[];
  /** Collects log lines instead of printing them. */
  logs?: string[];
  /** Receives every SQL statement Prisma sends, to count round trips. */
  onQuery?: (sql: string) => void;
  /** Default 0, a free port; give a stopped subgraph's port to bring it back where the gateway expects it. */
  port?: number;
  /** The secret requests must be signed with: default TEST_SUBGRAPH_SECRET, `null` for no check. */
  gatewaySecret?: string | null;
  /** Database timeouts and pool size. */
  database?: Omit<DatabaseOptions, 'onQuery'>;
  maxEntityRepresentations?: number;
  /** What callers may do; default: everything (see docs/permissions.md). */
  policy?: Policy;
  /**
   * The gateway plugin writes ask whether an entity exists (SubgraphRuntime.gatewayUrl).
   * Without one, a subgraph tested alone takes any ref (`uncheckedEntityRefs`).
   */
  gatewayUrl?: string;
}

/** A test subgraph, with the secret its callers must sign with. */
export type RunningTestSubgraph<Services> = RunningSubgraph<Services> & { gatewaySecret: string | null };

/** Starts a subgraph on a free loopback port, quietly, for a test. */
export async function startTestSubgraph<Services, Context extends object>(
  module: SubgraphModule<Services, Context>,
  options: TestSubgraphOptions = {},
): Promise<RunningTestSubgraph<Services>> {
  const gatewaySecret = options.gatewaySecret === undefined ? TEST_SUBGRAPH_SECRET : options.gatewaySecret;
  const running = await startSubgraph(module, {
    port: options.port ?? 0,
    databaseUrl: options.databaseUrl ?? 'memory://',
    database: { ...options.database, onQuery: options.onQuery },
    gatewaySecret,
    maxEntityRepresentations: options.maxEntityRepresentations,
    policy: options.policy,
    runtime: {
      demo: options.demo ?? false,
      locations: options.locations ?? [],
      log: (line) => void options.logs?.push(line),
      gatewayUrl: options.gatewayUrl,
      uncheckedEntityRefs: options.gatewayUrl === undefined,
    },
  });
  return { ...running, gatewaySecret };
}

/** A test subgraph on a database of its own, dropped when it stops. */
export interface TestSubgraphOnDatabase<Services> {
  subgraph: RunningTestSubgraph<Services>;
  stop(): Promise<void>;
}

/** Starts a subgraph on a fresh database of the given kind (migrated), for data-layer tests. */
export async function startTestSubgraphOn<Services, Context extends object>(
  kind: TestDatabaseKind,
  module: SubgraphModule<Services, Context>,
  options: Omit<TestSubgraphOptions, 'databaseUrl'> = {},
): Promise<TestSubgraphOnDatabase<Services>> {
  const database = await kind.create();
  try {
    const subgraph = await startTestSubgraph(module, { ...options, databaseUrl: database.url });
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
