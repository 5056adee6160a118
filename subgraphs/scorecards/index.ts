import path from 'node:path';
import { loadSchema, type SubgraphModule } from '../../kit';
import { PrismaClient } from '../../prisma/scorecards/generated/client';
import type { ScorecardsContext } from './context';
import { defineCheck } from './data/defineCheck';
import { DEMO_CHECKS } from './demo/demoChecks';
import { GraphClient } from './graph/graphClient';
import { resolvers } from './resolvers';
import type { ScorecardsServices } from './services';

export interface ScorecardsOptions {
  /**
   * The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`: scorecards read
   * their facts from the graph there. Without it every fact is unknown until
   * `services.graph.connect(url)` is called (an in-process platform whose gateway starts
   * after the subgraphs does that). Entry points read it from `SCORECARDS_GATEWAY_URL`.
   */
  gatewayUrl?: string;
  /**
   * An API token for the gateway, needed when it refuses anonymous callers (entry points
   * read it from `SCORECARDS_GATEWAY_TOKEN`; `npm start --no-anonymous` makes one per run).
   */
  gatewayToken?: string;
  /** How long one facts request to the gateway may take. Default 8 s: under the gateway's own 10 s per fetch. */
  gatewayTimeoutMs?: number;
  /** The branch whose CI runs decide "CI passing on the default branch". Default `main`. */
  defaultBranch?: string;
}

/** The scorecards plugin subgraph: tech-health checks as data, scored from the graph's facts. */
export function createScorecardsSubgraph(options: ScorecardsOptions = {}): SubgraphModule<ScorecardsServices, ScorecardsContext> {
  return {
    name: 'scorecards',
    typeDefs: loadSchema(path.join(__dirname, 'schema.graphql')),
    resolvers,
    migrationsDir: path.resolve(__dirname, '../../prisma/scorecards/migrations'),
    createServices: (database) => ({
      prisma: new PrismaClient({ adapter: database.adapter }),
      graph: new GraphClient({ url: options.gatewayUrl, token: options.gatewayToken, timeoutMs: options.gatewayTimeoutMs ?? 8_000 }),
      defaultBranch: options.defaultBranch ?? 'main',
    }),
    // A fresh object per request: request-scoped loaders are keyed by it.
    createContext: (services) => ({ ...services }),
    afterStart: async (services, runtime) => {
      if (!services.graph.gatewayUrl) runtime.log('scorecards: no gateway URL yet; facts stay unknown until it is given');
      if (!runtime.demo) return;
      for (const check of DEMO_CHECKS) await defineCheck(services.prisma, check);
      runtime.log(`scorecards: ${DEMO_CHECKS.length} demo check defined`);
    },
    disposeServices: (services) => services.prisma.$disconnect(),
  };
}

/** The subgraph with default options: it learns the gateway's URL through `services.graph.connect`. */
export const scorecardsSubgraph = createScorecardsSubgraph();
