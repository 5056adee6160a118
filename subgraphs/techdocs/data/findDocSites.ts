import { readRows, type SqlReads } from '../../../kit';
import { oneInKeyOrder } from '../../../kit';
import type { DocSiteRecord } from './docSiteRecord';

/**
 * The published documentation of each entity (null where none), in one query. Raw SQL
 * with `= ANY($1)`: on every entity page, and Prisma's `findMany({ in })` costs more CPU
 * than the query itself.
 */
export async function findDocSites(reads: SqlReads, refs: readonly string[]): Promise<(DocSiteRecord | null)[]> {
  const rows = await readRows<DocSiteRecord>(reads, 
    `SELECT entity_ref AS "entityRef", published_at AS "publishedAt", page_count AS "pageCount",
            built_from AS "builtFrom", source_fingerprint AS "sourceFingerprint"
     FROM doc_sites WHERE entity_ref = ANY($1::text[])`,
    [...new Set(refs)],
  );
  return oneInKeyOrder(refs, rows, (row) => row.entityRef);
}
