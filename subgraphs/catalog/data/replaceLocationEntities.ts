import { allowLongStatements } from '../../../kit';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { openLocationWrite, type LocationWrite, type OrphanPolicy, type ReplaceResult, type Transact } from './locationWrite';

export type { OrphanPolicy, ReplaceResult } from './locationWrite';

/** Runs one write of the catalog when its turn comes (see createCatalogIngestion); by default at once. */
export type WriteTurn = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * One batch of a read (a few hundred entities, whole files) writes well within this; the
 * limit only keeps a batch stuck on a lock from holding its transaction for long.
 */
const BATCH_TRANSACTION = { maxWait: 60_000, timeout: 10 * 60_000 };

/**
 * Each statement of the read's write may take this long, where a request's may take 8 s:
 * one batch of a big location (a read of 100,000 entities, its re-read) took longer than
 * that on a busy server (57014 while inserting relations) and lost the whole read. Still a limit,
 * so a statement stuck on a lock does not hold the batch's transaction for long.
 */
const READ_STATEMENT_LIMIT_MS = 5 * 60_000;

/**
 * Makes the stored entities of one location match a read, one transaction per batch of
 * whole files and a last one for what vanished: `read` hands every file it reads to the
 * write (see openLocationWrite) and says whether the read was complete; only a complete
 * read orphans what vanished. Each transaction waits for its `turn`, so other writes of
 * the catalog (applyEntities, removeEntity) run between batches instead of after the read.
 */
export async function replaceLocationEntities(
  prisma: PrismaClient,
  locationId: string,
  read: (write: LocationWrite) => Promise<{ complete: boolean }>,
  policy: OrphanPolicy,
  now = new Date(),
  turn: WriteTurn = (work) => work(),
): Promise<ReplaceResult> {
  const transact: Transact = (work) =>
    turn(() =>
      prisma.$transaction(async (tx) => {
        await allowLongStatements(tx, READ_STATEMENT_LIMIT_MS);
        return work(tx);
      }, BATCH_TRANSACTION),
    );
  const write = await openLocationWrite(transact, locationId, now);
  const { complete } = await read(write);
  return write.finish(complete ? policy : null);
}
