import type { SqlReads } from '../../kit';
import type { PrismaClient } from '../../prisma/cicd/generated/client';

/** What the CI/CD subgraph holds for its lifetime: its database client and its settings. */
export interface CicdServices {
  prisma: PrismaClient;
  /** Its hot reads, past Prisma's client (kit SqlReads). */
  reads: SqlReads;
  /** The GitHub webhook's shared secret; null accepts unsigned deliveries (local use only). */
  webhookSecret: string | null;
}
