import type { PrismaClient } from '../../../prisma/techdocs/generated/client';
import { oneInKeyOrder } from '../../../kit';
import type { DocSiteRecord } from './docSiteRecord';

/** The published documentation of each entity (null where none), in one query. */
export async function findDocSites(prisma: PrismaClient, refs: readonly string[]): Promise<(DocSiteRecord | null)[]> {
  const rows = await prisma.docSite.findMany({ where: { entityRef: { in: [...new Set(refs)] } } });
  return oneInKeyOrder(refs, rows, (row) => row.entityRef);
}
