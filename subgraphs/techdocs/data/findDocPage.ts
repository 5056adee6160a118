import type { PrismaClient } from '../../../prisma/techdocs/generated/client';
import { DOC_PAGE_SELECT, toDocPageRecord, type DocPageRecord } from './docPageRecord';

/** One page of an entity's docs by its path under `docs/`, or null. */
export async function findDocPage(prisma: PrismaClient, entityRef: string, path: string): Promise<DocPageRecord | null> {
  const row = await prisma.docPage.findUnique({ select: DOC_PAGE_SELECT, where: { entityRef_path: { entityRef, path } } });
  return row && toDocPageRecord(row);
}
