import type { Prisma, PrismaClient } from '../../../prisma/techdocs/generated/client';
import type { BuiltPage } from '../builder/buildDocs';
import type { DocSiteRecord } from './docSiteRecord';
import { SEARCH_VECTOR_SQL } from './searchLanguage';

/**
 * Stores an entity's docs in one transaction, in place of whatever it had: readers see the
 * old pages or the new ones, never a mix. Deleting the site removes its pages (the
 * foreign key cascades). The search vector is computed by PostgreSQL from the stored
 * columns, in the same transaction, so it can never disagree with them. Publications of
 * one entity run one after the other; the last one wins, whole.
 */
export async function replaceEntityDocs(
  prisma: PrismaClient,
  entityRef: string,
  pages: readonly BuiltPage[],
  publishedAt: Date = new Date(),
  /** Where an annotation-driven build read the pages; none for a publication from elsewhere. */
  source?: Pick<DocSiteRecord, 'builtFrom' | 'sourceFingerprint'>,
): Promise<DocSiteRecord> {
  const site: DocSiteRecord = { entityRef, publishedAt, pageCount: pages.length, builtFrom: null, sourceFingerprint: null, ...source };
  await prisma.$transaction([
    // Two publications of one entity at once would both insert its site row; the second
    // waits here for the first to commit instead of failing on the primary key.
    prisma.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `techdocs:${entityRef}`),
    prisma.docSite.deleteMany({ where: { entityRef } }),
    prisma.docSite.create({ data: site }),
    prisma.docPage.createMany({
      data: pages.map((page) => ({ ...page, entityRef, toc: page.toc as unknown as Prisma.InputJsonValue })),
    }),
    prisma.$executeRawUnsafe(`UPDATE doc_pages SET search_vector = ${SEARCH_VECTOR_SQL} WHERE entity_ref = $1`, entityRef),
  ]);
  return site;
}
