import type { SqlReads } from '../../../kit';
import { Prisma } from '../../../prisma/catalog/generated/client';

/** How many entities satisfy a condition built by `entityFilterSql`. */
export async function countEntities(reads: SqlReads, where: Prisma.Sql): Promise<number> {
  const [row] = await reads.query<{ count: number }>(Prisma.sql`SELECT count(*)::int AS count FROM entities e WHERE ${where}`);
  return row.count;
}
