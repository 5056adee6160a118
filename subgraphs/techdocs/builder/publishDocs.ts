import type { PrismaClient } from '../../../prisma/techdocs/generated/client';
import type { DocSiteRecord } from '../data/docSiteRecord';
import { replaceEntityDocs } from '../data/replaceEntityDocs';
import { normalizeEntityRef } from '../model/normalizeEntityRef';
import { buildDocs } from './buildDocs';

/**
 * Publishes an entity's docs from a source folder: build everything first (a refused
 * source throws an InputError and writes nothing), then replace the stored pages at once.
 * `fingerprint` (an annotation-driven build) records where the site came from, so a
 * later change of that folder rebuilds it; a site published without one stays as published.
 */
export async function publishDocs(prisma: PrismaClient, entityRef: string, sourceDir: string, fingerprint?: string): Promise<DocSiteRecord> {
  const ref = normalizeEntityRef(entityRef);
  const pages = await buildDocs(sourceDir);
  const source = fingerprint === undefined ? undefined : { builtFrom: sourceDir, sourceFingerprint: fingerprint };
  return replaceEntityDocs(prisma, ref, pages, new Date(), source);
}
