import type { SqlReads } from '../../kit';
import type { PrismaClient } from '../../prisma/cicd/generated/client';

/** What every CI/CD resolver gets; loaders are built from it lazily, per request. */
export interface CicdContext {
  prisma: PrismaClient;
  /** Its hot reads, past Prisma's client (kit SqlReads). */
  reads: SqlReads;
}
