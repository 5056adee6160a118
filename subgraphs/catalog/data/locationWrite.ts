import type { Prisma } from '../../../prisma/catalog/generated/client';
import type { FileContents, Problem } from '../ingestion/readLocation';
import { announceCatalogEvents, recordVanishing, trackEntityChanges } from '../changes/entityChanges';
import { deleteEntitiesByRef, entityRow, insertEntityRows } from './bulkWrite';
import { JsonRows } from './jsonRows';
import { deleteLocationFiles, insertLocationFiles, locationFileRow, storedLocationFiles } from './locationFiles';
import { readInPages } from './readInPages';

/** Runs `work` in a transaction of its own, when the catalog's writes give it a turn (see replaceLocationEntities). */
export type Transact = <T>(work: (tx: Prisma.TransactionClient) => Promise<T>) => Promise<T>;

/** A batch of whole files that could not be stored: the files before it stay stored. */
export class BatchWriteError extends Error {
  constructor(
    readonly files: string[],
    readonly cause: unknown,
  ) {
    super(`Storing ${files.length} file(s) from ${files[0] ?? '(none)'} on failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** What happens to entities that left their location. */
export interface OrphanPolicy {
  /** `delete`: marked first, removed at a later refresh once `graceMs` passed; `keep`: marked, never removed. */
  strategy: 'delete' | 'keep';
  graceMs: number;
}

export interface ReplaceResult {
  written: number;
  unchanged: number;
  orphaned: number;
  removed: number;
  /** Entities a file defines again after an earlier file of the location. */
  duplicates: Problem[];
  /** Entities another location already provides. */
  conflicts: Problem[];
}

/**
 * Entities held before they are written: bounds memory whatever the location's size. Small
 * because Prisma keeps the arguments of its last 100 debug calls, every statement with its
 * parameters, even with DEBUG off: the rows of the last ~100 statements stay in memory
 * whatever this holds. At 2,000 that kept ~70 MB more heap live than 500 does, and the
 * process reached ~840 MB at 100,000 entities (~560 MB at 500), for no CPU saved.
 */
export const FLUSH_EVERY = 500;
/** File records (see LocationFile) held before they are written, when files are unchanged. */
const FILES_EVERY = 2_000;

/**
 * An entity waiting for its write: what deciding it takes, and where its row (entityRow)
 * waits in its batch, off the heap (see JsonRows). The parsed entity is garbage as soon
 * as its file is handed over.
 */
interface PendingEntity {
  ref: string;
  hash: string;
  file: string;
  row: number;
}

/** A file whose entities wait in a batch, for its LocationFile record. */
interface PendingFile {
  file: string;
  contentHash: string | undefined;
  selfContained: boolean;
  refs: string[];
}

/** What the read handed over between two flushes, written as one transaction. */
interface Batch {
  entities: PendingEntity[];
  files: PendingFile[];
  /** Every file the batch took, failed ones too: their old records go with the batch. */
  seen: string[];
  /** The entities' rows (entityRow). */
  rows: JsonRows;
  /** Records (LocationFile) of the files that need no parsing next time. */
  fileRecords: JsonRows;
}

/** An empty batch, on the buffers of a written one when there is one. */
const newBatch = (buffers?: Pick<Batch, 'rows' | 'fileRecords'>): Batch => ({
  entities: [],
  files: [],
  seen: [],
  rows: buffers?.rows ?? new JsonRows(),
  fileRecords: buffers?.fileRecords ?? new JsonRows(),
});

/** What a batch's refs are stored as: this location's rows, refs another location holds, rows with none. */
interface StoredByRef {
  ours: Map<string, { hash: string; sourceFile: string | null; orphanedAt: Date | null }>;
  /** The target of the location that holds each ref held elsewhere. */
  elsewhere: Map<string, string>;
  /** Refs stored with no location (theirs was removed): replaced by this read, as new ones are. */
  unowned: Set<string>;
}

/**
 * Makes the stored entities of one location match a read, file by file as the read goes.
 * Each batch of whole files is one transaction (`transact`), so a file applies all or
 * nothing and other writes of the catalog get their turn between batches; a batch that
 * fails stops the read (BatchWriteError) and leaves the batches before it stored. A file
 * with any problem keeps its previously stored entities. Unchanged entities are not
 * written. The first file to define an entity keeps it; a later one that defines it again
 * fails. An entity another location already provides (checked in each batch's own
 * transaction, so a write between batches counts) stays with that location and is
 * reported as a conflict. `finish` turns vanished entities into orphans, in a last
 * transaction.
 */
export async function openLocationWrite(transact: Transact, locationId: string, now = new Date()) {
  // What a read needs of the stored location up front is per file; entities are looked up
  // per batch (storedByRef), and vanished ones at the end: a location's rows are not held
  // all at once (at 100,000 entities they made the re-read's heap grow by ~60 MB at once).
  const { previousFiles, storedAtStart } = await transact(async (tx) => ({
    previousFiles: await storedLocationFiles(tx, locationId),
    storedAtStart: await countStored(tx, locationId),
  }));
  /** The file that first defined each ref of this read: duplicates and vanished entities are decided by it. */
  const firstFile = new Map<string, string>();
  const failedFiles = new Set<string>();
  /** Every file of this read: the records of files no longer read are forgotten at the end. */
  const seenFiles = new Set<string>();
  const result: ReplaceResult = { written: 0, unchanged: 0, orphaned: 0, removed: 0, duplicates: [], conflicts: [] };
  /** What the read has handed over since the last flush. */
  let batch = newBatch();
  /** Buffers of the last batch written, for the next one. */
  let spare: Pick<Batch, 'rows' | 'fileRecords'> | undefined;
  /** The write of the last batch flushed: one at a time, in the read's order. */
  let writing: Promise<void> = Promise.resolve();

  const writeBatch = async (tx: Prisma.TransactionClient, { entities, files, seen, rows, fileRecords }: Batch) => {
    const { ours: stored, elsewhere: claimedBy, unowned } = await storedByRef(tx, locationId, entities.map((entity) => entity.ref));
    for (const entity of entities.filter((entity) => claimedBy.has(entity.ref))) {
      const message = `Entity ${entity.ref} is already provided by ${claimedBy.get(entity.ref)}; the first location keeps it`;
      result.conflicts.push({ file: entity.file, entityRef: entity.ref, message });
    }
    const ours = entities.filter((entity) => !claimedBy.has(entity.ref));
    const changed = ours.filter((entity) => stored.get(entity.ref)?.hash !== entity.hash || stored.get(entity.ref)?.sourceFile !== entity.file);
    const changedRefs = new Set(changed.map((entity) => entity.ref));
    const revived = ours.filter((entity) => !changedRefs.has(entity.ref) && stored.get(entity.ref)?.orphanedAt).map((entity) => entity.ref);
    const changes = await trackEntityChanges(tx, [...changedRefs, ...revived]);
    // Only rows that exist are deleted: on a first read there are none, and a DELETE per
    // batch against tables growing inside this transaction (their statistics still say
    // empty) cost time quadratic in the read (12.6 of 60 s at 100,000 entities).
    await deleteEntitiesByRef(tx, [...changedRefs].filter((ref) => stored.has(ref) || unowned.has(ref)));
    await insertEntityRows(tx, rows, changed.map((entity) => entity.row), locationId);
    if (revived.length) await tx.entity.updateMany({ where: { ref: { in: revived } }, data: { orphanedAt: null } });
    const counted = { written: changed.length, unchanged: ours.length - changed.length };
    // A file may be skipped next time only if everything it holds is now stored.
    for (const { file, contentHash, selfContained: whole, refs } of files) {
      if (whole && contentHash && !refs.some((ref) => claimedBy.has(ref))) {
        fileRecords.push(locationFileRow({ file, contentHash, entityCount: refs.length }));
      }
    }
    await deleteLocationFiles(tx, locationId, seen);
    await insertLocationFiles(tx, locationId, fileRecords, fileRecords.all());
    return { ...counted, events: await changes.record() };
  };

  /** One batch, one transaction; counted only once it is committed. */
  const write = async (full: Batch) => {
    if (!full.seen.length) return;
    try {
      const counted = await transact((tx) => writeBatch(tx, full));
      announceCatalogEvents(counted.events);
      result.written += counted.written;
      result.unchanged += counted.unchanged;
    } catch (error) {
      throw new BatchWriteError(full.seen, error);
    }
    full.rows.clear();
    full.fileRecords.clear();
    spare = { rows: full.rows, fileRecords: full.fileRecords };
  };

  /**
   * Hands what is held to the write and returns once the batch before it is written: the
   * database writes one batch while the read parses the next (with PostgreSQL, on the
   * other core), and no more than two batches are held. A batch asks for its turn only
   * once the one before is committed, so writes waiting meanwhile go first. A failed
   * write fails the next flush, or finish.
   */
  const flush = async () => {
    const full = batch;
    const previous = writing;
    writing = previous.then(() => write(full));
    // Its failure is seen by the next flush or by finish: until then it must not count as unhandled.
    writing.catch(() => undefined);
    await previous;
    // The read waits for this flush, so nothing is added meanwhile; the batch before is
    // written, and its buffers take the next one.
    batch = newBatch(spare);
  };

  return {
    /** For readLocation: the refs of a file that need not be parsed again (see LocationFile). */
    unchangedRefs(file: string, contentHash: string): string[] | undefined {
      const previous = previousFiles.get(file);
      return previous?.contentHash === contentHash && previous.entityCount === previous.refs.length ? previous.refs : undefined;
    },

    /** Takes the next file of the read, in the read's order. */
    async add(file: FileContents): Promise<void> {
      const refs = file.unchangedRefs ?? file.entities.map((entity) => entity.ref);
      seenFiles.add(file.file);
      batch.seen.push(file.file);
      let ok = file.ok;
      for (const ref of refs) {
        const first = firstFile.get(ref);
        if (first === undefined) firstFile.set(ref, file.file);
        else {
          result.duplicates.push({ file: file.file, entityRef: ref, message: `Entity ${ref} is already defined in ${first}` });
          ok = false;
        }
      }
      if (!ok) {
        failedFiles.add(file.file);
        return;
      }
      if (file.unchangedRefs) {
        result.unchanged += refs.length;
        batch.fileRecords.push(locationFileRow({ file: file.file, contentHash: file.contentHash!, entityCount: refs.length }));
        if (batch.fileRecords.length >= FILES_EVERY) await flush();
        return;
      }
      batch.files.push({ file: file.file, contentHash: file.contentHash, selfContained: file.selfContained, refs });
      for (const entity of file.entities) {
        batch.entities.push({ ref: entity.ref, hash: entity.hash, file: file.file, row: batch.rows.push(entityRow(entity, file.file)) });
      }
      if (batch.entities.length >= FLUSH_EVERY) await flush();
    },

    /**
     * Writes what is held, then orphans what vanished. Null leaves vanished entities alone,
     * and so does any failed file: it may have held the missing ones.
     */
    async finish(orphans: OrphanPolicy | null): Promise<ReplaceResult> {
      await flush();
      await writing;
      const policy = failedFiles.size ? null : orphans;
      const { orphaned, removed, events } = await transact(async (tx) => {
        await forgetOtherFiles(tx, locationId, seenFiles);
        // With no failed file, every ref this read defined is present: firstFile holds them all.
        const vanished: { ref: string; orphanedAt: Date | null }[] = [];
        if (policy && storedAtStart) {
          await readInPages<{ ref: string; orphanedAt: Date | null }>(
            tx,
            'SELECT "ref", "orphaned_at" AS "orphanedAt" FROM "entities" WHERE "location_id" = $1',
            [locationId],
            (rows) => rows.forEach((row) => firstFile.has(row.ref) || vanished.push(row)),
          );
        }
        const expired = vanished.filter(
          (row) => policy?.strategy === 'delete' && row.orphanedAt && now.getTime() - row.orphanedAt.getTime() >= policy.graceMs,
        );
        const newlyOrphaned = vanished.filter((row) => !row.orphanedAt);
        // Recorded before: their events carry them as they were.
        let events = expired.length ? await recordVanishing(tx, 'DELETED', 'e."ref" = ANY($1::text[])', expired.map((row) => row.ref)) : 0;
        if (newlyOrphaned.length) events += await recordVanishing(tx, 'ORPHANED', 'e."ref" = ANY($1::text[])', newlyOrphaned.map((row) => row.ref));
        await deleteEntitiesByRef(tx, expired.map((row) => row.ref));
        if (newlyOrphaned.length) {
          await tx.entity.updateMany({ where: { ref: { in: newlyOrphaned.map((row) => row.ref) } }, data: { orphanedAt: now } });
        }
        return { orphaned: newlyOrphaned.length, removed: expired.length, events };
      });
      announceCatalogEvents(events);
      return { ...result, orphaned, removed };
    },

    /** Entities written so far, for progress lines. */
    get written(): number {
      return result.written;
    },
  };
}

export type LocationWrite = Awaited<ReturnType<typeof openLocationWrite>>;

/**
 * How the refs of a batch are stored: rows of this location (to tell what changed), refs
 * another location provides (the first location keeps them), and rows left with no
 * location. One round trip.
 */
async function storedByRef(tx: Prisma.TransactionClient, locationId: string, refs: string[]): Promise<StoredByRef> {
  const found: StoredByRef = { ours: new Map(), elsewhere: new Map(), unowned: new Set() };
  if (!refs.length) return found;
  const rows = await tx.$queryRawUnsafe<
    { ref: string; locationId: string; hash: string; sourceFile: string | null; orphanedAt: Date | null; target: string | null }[]
  >(
    `SELECT e."ref", e."location_id" AS "locationId", e."hash", e."source_file" AS "sourceFile", e."orphaned_at" AS "orphanedAt", l."target"
     FROM "entities" e LEFT JOIN "locations" l ON l."id" = e."location_id"
     WHERE e."ref" = ANY($1::text[])`,
    refs,
  );
  for (const row of rows) {
    if (row.locationId === locationId) found.ours.set(row.ref, row);
    else if (row.locationId === null) found.unowned.add(row.ref);
    else found.elsewhere.set(row.ref, row.target ?? 'another location');
  }
  return found;
}

/** Forgets the file records of a location's files this read did not see (gone from it). */
async function forgetOtherFiles(tx: Prisma.TransactionClient, locationId: string, seen: Set<string>): Promise<void> {
  await tx.$executeRawUnsafe('DELETE FROM "location_files" WHERE "location_id" = $1 AND NOT ("file" = ANY($2::text[]))', locationId, [...seen]);
}

/** How many entities the location holds (orphans included). */
async function countStored(tx: Prisma.TransactionClient, locationId: string): Promise<number> {
  const [{ count }] = await tx.$queryRawUnsafe<{ count: number }[]>('SELECT count(*)::int AS "count" FROM "entities" WHERE "location_id" = $1', locationId);
  return count;
}
