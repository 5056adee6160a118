import { InputError, type SqlReads } from '../../../kit';
import { Prisma } from '../../../prisma/catalog/generated/client';
import { entityFieldSql } from './entityFieldSql';

/** The values one field takes across a listing, most common first. */
export interface FacetRecord {
  field: string;
  values: { value: string; count: number }[];
}

export const FACET_LIMITS = { fields: 20, values: 500 };

/**
 * Counts, for each field, how many entities satisfying `where` have each value: one query
 * for all fields. Values differing only in case count together (filters treat them alike)
 * and show in one of their spellings; a list field counts each element. `readable` hides
 * relation targets the caller may not read (`relations.<type>` values), as `where` hides rows.
 */
export async function countFacets(
  reads: SqlReads,
  where: Prisma.Sql,
  fields: readonly string[],
  first: number,
  readable: Prisma.Sql | null = null,
): Promise<FacetRecord[]> {
  if (fields.length > FACET_LIMITS.fields) throw new InputError(`At most ${FACET_LIMITS.fields} facet fields, got ${fields.length}`);
  if (!Number.isInteger(first) || first < 1 || first > FACET_LIMITS.values) {
    throw new InputError(`"first" must be between 1 and ${FACET_LIMITS.values}, got ${first}`);
  }
  if (!fields.length) return [];
  const perField = fields.map(
    (path, index) => Prisma.sql`(
      SELECT ${Prisma.raw(String(index))} AS facet, min(x.v COLLATE "C") AS value, count(DISTINCT e.ref)::int AS count
      FROM entities e CROSS JOIN LATERAL (${entityFieldSql(path, readable).values}) AS x
      WHERE ${where}
      GROUP BY lower(x.v)
      ORDER BY count DESC, value ASC
      LIMIT ${first}::int)`,
  );
  const rows = await reads.query<{ facet: number; value: string; count: number }>(
    Prisma.sql`SELECT f.facet, f.value, f.count FROM (${Prisma.join(perField, ' UNION ALL ')}) AS f
      ORDER BY f.facet, f.count DESC, f.value COLLATE "C"`,
  );
  return fields.map((field, index) => ({
    field,
    values: rows.filter((row) => row.facet === index).map(({ value, count }) => ({ value, count })),
  }));
}
