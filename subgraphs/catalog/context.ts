import type { PrismaClient } from '../../prisma/catalog/generated/client';
import type { CatalogIngestion } from './ingestion/catalogIngestion';

/** What every catalog resolver gets; loaders are built from it lazily, per request. */
export interface CatalogContext {
  prisma: PrismaClient;
  ingestion: CatalogIngestion;
}
