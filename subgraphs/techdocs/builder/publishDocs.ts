import type { PrismaClient } from '../../../prisma/techdocs/generated/client';
import type { DocSiteRecord } from '../data/docSiteRecord';
import { replaceEntityDocs } from '../data/replaceEntityDocs';
import { normalizeEntityRef } from '../model/normalizeEntityRef';
import { buildDocs } from './buildDocs';

/**
 * Publishes an entity's docs from a source folder: build everything first (a refused
 * source throws an InputError and writes nothing), then replace the stored pages at once.
 */
export async function publishDocs(prisma: PrismaClient, entityRef: string, sourceDir: string): Promise<DocSiteRecord> {
  const ref = normalizeEntityRef(entityRef);
  const pages = await buildDocs(sourceDir);
  return replaceEntityDocs(prisma, ref, pages);
}
