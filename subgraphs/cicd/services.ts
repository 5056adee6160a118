import type { SqlReads } from '../../kit';
import type { PrismaClient } from '../../prisma/cicd/generated/client';
import type { ServiceGraph } from './graph/requireReadableProject';

/** What the CI/CD subgraph holds for its lifetime: its database client and its settings. */
export interface CicdServices {
  prisma: PrismaClient;
  /** Its hot reads, past Prisma's client (kit SqlReads). */
  reads: SqlReads;
  /** The GitHub webhook's shared secret; null: deliveries are refused, unless `acceptUnsignedWebhooks`. */
  webhookSecret: string | null;
  /** Without a secret, accept unsigned deliveries (local development only). */
  acceptUnsignedWebhooks: boolean;
  /** Where the webhook asks whether an entity carries a delivery's repository, as the service. */
  graph: ServiceGraph;
}
