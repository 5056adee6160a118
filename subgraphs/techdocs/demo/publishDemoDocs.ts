import path from 'node:path';
import type { PrismaClient } from '../../../prisma/techdocs/generated/client';
import { publishDocs } from '../builder/publishDocs';

/**
 * The demo catalog's components with `backstage.io/techdocs-ref: dir:.`: their docs sit
 * beside their catalog-info.yaml. In a real deployment CI publishes docs; here the
 * subgraph does it at start, as that CI step would.
 */
export const DEMO_DOCS_COMPONENTS = ['web-shop', 'catalog-service', 'checkout-service', 'inventory-service', 'shipping-service'];

/** Where the demo components' docs folders are: a docs root when the demo is on. */
export const DEMO_COMPONENTS_DIR = path.resolve(__dirname, '../../../demo/catalog/components');

/** Publishes the demo components' docs; returns how many pages were stored. */
export async function publishDemoDocs(prisma: PrismaClient): Promise<number> {
  let pages = 0;
  for (const name of DEMO_DOCS_COMPONENTS) {
    const site = await publishDocs(prisma, `component:default/${name}`, path.join(DEMO_COMPONENTS_DIR, name));
    pages += site.pageCount;
  }
  return pages;
}
