import type { SourceRoots, SqlReads } from '../../kit';
import type { PrismaClient } from '../../prisma/techdocs/generated/client';
import type { AutoPublisher } from './builder/createAutoPublisher';

/** What every techdocs resolver gets; loaders are built from it lazily, per request. */
export interface TechdocsContext {
  prisma: PrismaClient;
  /** Its hot reads, past Prisma's client (kit SqlReads). */
  reads: SqlReads;
  /** The folders docs may be built from (TechdocsOptions.sourceRoots). */
  docsRoots: SourceRoots;
  /** Builds docs from an entity's annotated folder when first asked for, and again when the folder changed. */
  autoPublish: AutoPublisher;
}
