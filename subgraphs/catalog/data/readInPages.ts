import type { Prisma } from '../../../prisma/catalog/generated/client';

type Sql = Pick<Prisma.TransactionClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;

/** Rows fetched at a time. */
const PAGE = 2_000;

/**
 * Runs `query` (a SELECT) through a cursor of the transaction `sql` and hands its rows to
 * `onRows` a page at a time, in the query's order. What the caller keeps of each row is
 * what stays: read in one go, a location's 100,000 stored rows arrived at once as the
 * driver's and Prisma's objects, which outlived two young collections and were promoted
 * to V8's old generation, where their sudden growth led V8 to let the heap grow 4x past
 * what was live (see bench/README.md, "Ingest alone"). One read at a time per transaction.
 */
export async function readInPages<Row>(
  sql: Sql,
  query: string,
  params: unknown[],
  onRows: (rows: Row[]) => void,
  pageSize = PAGE,
): Promise<void> {
  await sql.$executeRawUnsafe(`DECLARE paged_read NO SCROLL CURSOR FOR ${query}`, ...params);
  for (;;) {
    const rows = await sql.$queryRawUnsafe<Row[]>(`FETCH FORWARD ${pageSize} FROM paged_read`);
    onRows(rows);
    if (rows.length < pageSize) break;
  }
  await sql.$executeRawUnsafe('CLOSE paged_read');
}
