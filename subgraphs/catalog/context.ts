import type { SqlReads } from '../../kit';
import type { PrismaClient } from '../../prisma/catalog/generated/client';
import type { CatalogIngestion } from './ingestion/catalogIngestion';
import type { CatalogWebhooks } from './webhooks/catalogWebhooks';

/** What every catalog resolver gets; loaders are built from it lazily, per request. */
export interface CatalogContext {
  prisma: PrismaClient;
  /** The catalog's hot reads (lists, lookups, relations, walks), past Prisma's client: see SqlReads. */
  reads: SqlReads;
  ingestion: CatalogIngestion;
  webhooks: CatalogWebhooks;
}
