import type { SqlReads } from '../../kit';
import type { PrismaClient } from '../../prisma/security/generated/client';

/** What every security resolver gets; loaders are built from it lazily, per request. */
export interface SecurityContext {
  prisma: PrismaClient;
  /** Its hot reads, past Prisma's client (kit SqlReads). */
  reads: SqlReads;
}
