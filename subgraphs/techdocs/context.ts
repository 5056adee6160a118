import type { PrismaClient } from '../../prisma/techdocs/generated/client';

/** What every techdocs resolver gets; loaders are built from it lazily, per request. */
export interface TechdocsContext {
  prisma: PrismaClient;
}
