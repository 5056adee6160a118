import type { PrismaClient } from '../../../prisma/techdocs/generated/client';
import { manyInKeyOrder } from '../../../kit';
import { DOC_PAGE_SELECT, toDocPageRecord, type DocPageRecord } from './docPageRecord';

/** Every page of each entity's docs, in reading order, in one query whatever the number of entities. */
export async function findSitePages(prisma: PrismaClient, refs: readonly string[]): Promise<DocPageRecord[][]> {
  const rows = await prisma.docPage.findMany({
    select: DOC_PAGE_SELECT,
    where: { entityRef: { in: [...new Set(refs)] } },
    orderBy: [{ entityRef: 'asc' }, { position: 'asc' }],
  });
  return manyInKeyOrder(refs, rows.map(toDocPageRecord), (row) => row.entityRef);
}
