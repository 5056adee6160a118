import { InputError, type SqlReads } from '../../../kit';
import { Prisma } from '../../../prisma/catalog/generated/client';
import { ENTITY_COLUMNS, entityRecordOf } from './entityColumns';
import { ENTITY_SUMMARY_COLUMNS, summaryRecordOf } from './entitySummary';
import { encodeEntityCursor } from './entityCursor';
import { entityFilterSql, type EntityFilterInput } from './entityFilterSql';
import { entityOrderSql, type EntityOrderInput } from './entityOrderSql';
import type { EntityRecord } from './entityRecord';
import { prefixTsQuery } from './textSearchSql';

export type { EntityFilterInput } from './entityFilterSql';

/** One page of a listing, and the condition that made it, to count or facet the whole listing on demand. */
export interface EntityPage {
  edges: { node: EntityRecord; cursor: string }[];
  hasNextPage: boolean;
  where: Prisma.Sql;
  /** How many entities the whole listing holds, when it was counted with the page. */
  totalCount?: number;
}

/** What a page reads besides its entities. */
export interface PageReads {
  /** Rows carry only the descriptor's summary (entitySummary.ts): enough when only SUMMARY_FIELDS are asked for. */
  summary?: boolean;
  /** Count the whole listing with the page (EntityPage.totalCount): one statement, not two. */
  count?: boolean;
}

export const MAX_PAGE_SIZE = 500;

/**
 * Keyset pagination: a page costs the same at the start and at the 100,000th entity, and
 * an entity added or removed between two pages neither repeats nor hides another.
 */
export async function listEntities(
  reads: SqlReads,
  options: { filter?: EntityFilterInput | null; first?: number | null; after?: string | null; orderBy?: EntityOrderInput | null },
  readable: Prisma.Sql | null = null,
  { summary = false, count = false }: PageReads = {},
): Promise<EntityPage> {
  const first = options.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InputError(`"first" must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  // The permission condition joins the filter in `where`, so the page, totalCount and
  // facets all see only what the caller may read.
  const filter = entityFilterSql(options.filter, readable);
  const where = readable === null ? filter : Prisma.sql`(${filter} AND ${readable})`;
  const order = entityOrderSql(options.orderBy, options.filter?.text ? prefixTsQuery(options.filter.text) : null);
  const after = options.after ? order.after(options.after) : Prisma.sql`TRUE`;
  // The count, when asked for, is a subquery PostgreSQL runs once (an InitPlan) and
  // repeats on every row: a value per row costs less than a statement of its own (a round
  // trip on PostgreSQL, ~0.05 CPU-ms on either).
  const total = count ? Prisma.sql`, (SELECT count(*)::int FROM entities e WHERE ${where}) AS "totalCount"` : Prisma.empty;
  // The page's refs first, then its rows by primary key. Asked for whole rows in ref order,
  // PostgreSQL prefers walking the primary key and filtering (it assumes matches are spread
  // evenly, but every `api:` ref sorts before the first `component:`: 10,000 rows read for
  // 100 at 100,000 entities); asked for refs only, it reads them index-only from
  // (kind, lifecycle, ref), ~`first` index entries at any size.
  const rows = await reads.query<Record<string, unknown> & { ref: string; sortKey: string | number | null; totalCount?: number }>(
    Prisma.sql`SELECT ${summary ? ENTITY_SUMMARY_COLUMNS : ENTITY_COLUMNS}, ${order.key} AS "sortKey" ${total}
      FROM entities e
      WHERE e.ref = ANY(ARRAY(
        SELECT e.ref FROM entities e
        WHERE ${where} AND ${after}
        ORDER BY ${order.orderBy}
        LIMIT ${first + 1}::int))
      ORDER BY ${order.orderBy}`,
  );
  return {
    edges: rows.slice(0, first).map((row) => ({
      node: summary ? summaryRecordOf(row) : entityRecordOf(row),
      cursor: encodeEntityCursor(order.name, { key: row.sortKey, ref: row.ref }),
    })),
    hasNextPage: rows.length > first,
    where,
    // An empty page has no row to carry the count: EntityConnection counts on its own then.
    ...(count && rows.length > 0 ? { totalCount: rows[0].totalCount } : {}),
  };
}
