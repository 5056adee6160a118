import { InputError } from '../../../kit';
import { Prisma } from '../../../prisma/catalog/generated/client';
import { decodeEntityCursor, type EntityPosition } from './entityCursor';
import { entityFieldSql } from './entityFieldSql';
import { textRankSql } from './textSearchSql';

/** `EntityOrder` as GraphQL hands it over. */
export interface EntityOrderInput {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
}

/** An ordering of entity rows `e`, always total (ties broken by ref) so pages never overlap. */
export interface EntityOrderSql {
  /** Names the ordering inside cursors. */
  name: string;
  /** The sort value of `e`, selected as `"sortKey"` so each edge's cursor can carry it. */
  key: Prisma.Sql;
  orderBy: Prisma.Sql;
  /** Rows strictly after the cursor `after` (decoded and checked against this ordering). */
  after(cursor: string): Prisma.Sql;
}

const sql = Prisma.sql;

/**
 * `ref` (the default) and `relevance` are special; any other field path that holds one
 * value per entity sorts case-insensitively by byte order (COLLATE "C": the same on every
 * database), entities without a value last in both directions.
 */
export function entityOrderSql(order: EntityOrderInput | null | undefined, tsQuery: string | null): EntityOrderSql {
  const path = order?.field.trim() ?? 'ref';
  const direction = order?.direction ?? 'ASC';
  const name = `${path}:${direction}`;
  const ascending = direction === 'ASC';
  const field = path.toLowerCase();

  if (field === 'ref') {
    return {
      name,
      key: sql`NULL::text`,
      orderBy: ascending ? sql`e.ref ASC` : sql`e.ref DESC`,
      after: (cursor) => {
        const { ref } = decodeEntityCursor(cursor, name, 'none');
        return ascending ? sql`e.ref > ${ref}` : sql`e.ref < ${ref}`;
      },
    };
  }

  if (field === 'relevance') {
    if (!tsQuery) throw new InputError('Ordering by relevance needs a top-level filter.text with at least one word');
    const rank = textRankSql(tsQuery);
    // ASC is best match first: rank descending, then ref ascending.
    return {
      name,
      key: rank,
      orderBy: ascending ? sql`${rank} DESC, e.ref ASC` : sql`${rank} ASC, e.ref DESC`,
      after: (cursor) => {
        const { key, ref } = decodeEntityCursor(cursor, name, 'number');
        return ascending
          ? sql`(${rank} < ${key}::float8 OR (${rank} = ${key}::float8 AND e.ref > ${ref}))`
          : sql`(${rank} > ${key}::float8 OR (${rank} = ${key}::float8 AND e.ref < ${ref}))`;
      },
    };
  }

  const { sortValue } = entityFieldSql(path);
  if (!sortValue) throw new InputError(`Cannot order by "${path}": it holds a list of values`);
  const key = sql`(lower(${sortValue}) COLLATE "C")`;
  return {
    name,
    key,
    orderBy: ascending ? sql`(${key} IS NULL), ${key} ASC, e.ref ASC` : sql`(${key} IS NULL), ${key} DESC, e.ref DESC`,
    after: (cursor) => keyAfter(key, decodeEntityCursor(cursor, name, 'string'), ascending),
  };
}

function keyAfter(key: Prisma.Sql, { key: value, ref }: EntityPosition, ascending: boolean): Prisma.Sql {
  const beyond = ascending ? sql`>` : sql`<`;
  // Entities without a value come last: after one of them, only others without a value remain.
  if (value === null) return sql`(${key} IS NULL AND e.ref ${beyond} ${ref})`;
  return sql`(${key} IS NULL OR ${key} ${beyond} ${value} OR (${key} = ${value} AND e.ref ${beyond} ${ref}))`;
}
