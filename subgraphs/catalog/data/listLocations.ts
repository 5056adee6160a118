import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import type { LocationRecord } from './locationRecord';

/** Every registered location, oldest first. */
export function listLocations(prisma: PrismaClient): Promise<LocationRecord[]> {
  return prisma.location.findMany({ orderBy: { createdAt: 'asc' } });
}
