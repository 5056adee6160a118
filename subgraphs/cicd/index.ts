import path from 'node:path';
import { loadSchema, type SubgraphModule } from '../../kit';
import { PrismaClient } from '../../prisma/cicd/generated/client';
import type { CicdContext } from './context';
import { replaceDemoRuns } from './demo/replaceDemoRuns';
import { demoPipelineRuns } from './demo/demoPipelineRuns';
import { plugin } from './plugin';
import { resolvers } from './resolvers';
import type { CicdServices } from './services';
import { GITHUB_WEBHOOK_PATH, githubWebhookRoute } from './webhook/githubWebhookRoute';

export interface CicdOptions {
  /**
   * The secret configured on the GitHub webhook: deliveries must then carry a matching
   * `x-hub-signature-256`. Entry points read it from `CICD_WEBHOOK_SECRET`.
   */
  webhookSecret?: string;
  /**
   * Accept webhook deliveries without a signature when no secret is set: for local
   * development only (an unsigned delivery records a run with nobody's permission).
   * Off by default: without a secret, deliveries are then refused. Entry points read it
   * from `CICD_WEBHOOK_ALLOW_UNSIGNED=1`.
   */
  acceptUnsignedWebhooks?: boolean;
  /** The gateway the webhook asks, as the service, whether an entity carries a delivery's repository (default: the runtime's). */
  gatewayUrl?: string;
  /** The service's API token for that gateway (`CICD_GATEWAY_TOKEN`, made by entry points when anonymous callers are refused). */
  gatewayToken?: string;
}

/** The CI/CD plugin subgraph: pipeline runs on every catalog entity, fed by a mutation and a GitHub webhook. */
export function createCicdSubgraph(options: CicdOptions = {}): SubgraphModule<CicdServices, CicdContext> {
  return {
    name: 'cicd',
    typeDefs: loadSchema(path.join(__dirname, 'schema.graphql')),
    resolvers,
    events: plugin.events,
    migrationsDir: path.resolve(__dirname, '../../prisma/cicd/migrations'),
    createServices: (database, runtime) => ({
      prisma: new PrismaClient({ adapter: database.adapter }),
      reads: database.reads,
      webhookSecret: options.webhookSecret || null,
      acceptUnsignedWebhooks: options.acceptUnsignedWebhooks === true,
      graph: { url: options.gatewayUrl || runtime.gatewayUrl, token: options.gatewayToken || undefined, unchecked: runtime.uncheckedEntityRefs === true },
    }),
    // Resolvers get the database, never the webhook secret.
    createContext: (services) => ({ prisma: services.prisma, reads: services.reads }),
    routes: (services) => ({ [GITHUB_WEBHOOK_PATH]: githubWebhookRoute(services) }),
    afterStart: async (services, runtime) => {
      if (!services.webhookSecret) {
        runtime.log(
          services.acceptUnsignedWebhooks
            ? `cicd: no webhook secret and CICD_WEBHOOK_ALLOW_UNSIGNED: ${GITHUB_WEBHOOK_PATH} accepts unsigned deliveries (development only)`
            : `cicd: no webhook secret: ${GITHUB_WEBHOOK_PATH} refuses every delivery until CICD_WEBHOOK_SECRET is set`,
        );
      }
      if (!runtime.demo) return;
      const runs = demoPipelineRuns(new Date());
      await replaceDemoRuns(services.prisma, runs);
      runtime.log(`cicd: ${runs.length} demo pipeline runs loaded`);
    },
    disposeServices: (services) => services.prisma.$disconnect(),
  };
}

/** The subgraph with default options (no webhook secret: webhook deliveries refused). */
export const cicdSubgraph = createCicdSubgraph();
