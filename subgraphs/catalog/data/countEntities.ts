import { Prisma, type PrismaClient } from '../../../prisma/catalog/generated/client';

/** How many entities satisfy a condition built by `entityFilterSql`. */
export async function countEntities(prisma: PrismaClient, where: Prisma.Sql): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>(Prisma.sql`SELECT count(*)::int AS count FROM entities e WHERE ${where}`);
  return row.count;
}
