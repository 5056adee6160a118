import type { Prisma, PrismaClient } from '../../../prisma/scorecards/generated/client';
import type { CheckDefinition } from '../model/checkDefinition';
import type { CheckRecord } from './checkRecord';

/** Stores a check, replacing the one with the same id: one statement. */
export async function defineCheck(prisma: PrismaClient, definition: CheckDefinition): Promise<CheckRecord> {
  // The rule has checked the parameters; they are plain JSON.
  const { id, ...fields } = { ...definition, params: definition.params as Prisma.InputJsonObject };
  return prisma.check.upsert({ where: { id }, create: { id, ...fields }, update: fields });
}
