import { allowLongStatements } from '../../../kit';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { openLocationWrite, type LocationWrite, type OrphanPolicy, type ReplaceResult } from './locationWrite';

export type { OrphanPolicy, ReplaceResult } from './locationWrite';

/**
 * Reading a large location takes a while, and it writes as it reads: far past Prisma's 5 s
 * default, and still one transaction, so a read applies whole or not at all.
 */
const READ_TRANSACTION = { maxWait: 60_000, timeout: 60 * 60_000 };

/**
 * Each statement of the read's write may take this long, where a request's may take 8 s:
 * one batch of a big location (a read of 100,000 entities, its re-read) took longer than
 * that on a busy server (57014 while inserting relations) and lost the whole read. Still a limit,
 * so a statement stuck on a lock does not hold the location's transaction for the hour.
 */
const READ_STATEMENT_LIMIT_MS = 5 * 60_000;

/**
 * Makes the stored entities of one location match a read, in one transaction: `read`
 * hands every file it reads to the write (see openLocationWrite) and says whether the
 * read was complete; only a complete read orphans what vanished.
 */
export async function replaceLocationEntities(
  prisma: PrismaClient,
  locationId: string,
  read: (write: LocationWrite) => Promise<{ complete: boolean }>,
  policy: OrphanPolicy,
  now = new Date(),
): Promise<ReplaceResult> {
  return prisma.$transaction(async (tx) => {
    await allowLongStatements(tx, READ_STATEMENT_LIMIT_MS);
    const write = await openLocationWrite(tx, locationId, now);
    const { complete } = await read(write);
    return write.finish(complete ? policy : null);
  }, READ_TRANSACTION);
}
