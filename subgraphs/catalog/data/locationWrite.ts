import type { Prisma } from '../../../prisma/catalog/generated/client';
import type { FileContents, Problem, SourcedEntity } from '../ingestion/readLocation';
import { deleteEntitiesByRef, insertEntities, insertRelations } from './bulkWrite';
import { deleteLocationFiles, insertLocationFiles, storedLocationFiles, type LocationFileRow } from './locationFiles';

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
const FLUSH_EVERY = 500;
/** File records (see LocationFile) held before they are written, when files are unchanged. */
const FILES_EVERY = 2_000;

interface StoredRow {
  ref: string;
  hash: string;
  sourceFile: string | null;
  orphanedAt: Date | null;
}

/**
 * Makes the stored entities of one location match a read, file by file as the read goes,
 * inside the caller's transaction (so the whole read applies or nothing does). Per file,
 * all or nothing: a file with any problem keeps its previously stored entities. Unchanged
 * entities are not written. The first file to define an entity keeps it; a later one that
 * defines it again fails. An entity another location already provides stays with that
 * location and is reported as a conflict. `finish` turns vanished entities into orphans.
 */
export async function openLocationWrite(tx: Prisma.TransactionClient, locationId: string, now = new Date()) {
  const stored = new Map<string, StoredRow>(
    (await tx.entity.findMany({ where: { locationId }, select: { ref: true, hash: true, sourceFile: true, orphanedAt: true } })).map(
      (row) => [row.ref, row],
    ),
  );
  const liveRefsByFile = new Map<string, string[]>();
  for (const row of stored.values()) {
    if (row.orphanedAt || row.sourceFile === null) continue;
    const refs = liveRefsByFile.get(row.sourceFile);
    if (refs) refs.push(row.ref);
    else liveRefsByFile.set(row.sourceFile, [row.ref]);
  }
  const previousFiles = await storedLocationFiles(tx, locationId);
  // The records are written back as the read goes rather than held for the end (one per file).
  await deleteLocationFiles(tx, locationId);
  /** The file that first defined each ref of this read: duplicates and vanished entities are decided by it. */
  const firstFile = new Map<string, string>();
  const failedFiles = new Set<string>();
  let selfContained: LocationFileRow[] = [];
  const revived: string[] = [];
  const result: ReplaceResult = { written: 0, unchanged: 0, orphaned: 0, removed: 0, duplicates: [], conflicts: [] };
  let pending: { file: FileContents; entities: SourcedEntity[] }[] = [];
  let pendingCount = 0;

  const flush = async () => {
    const entities = pending.flatMap((item) => item.entities);
    const claimedBy = await claimedElsewhere(tx, locationId, entities.map((entity) => entity.ref));
    for (const entity of entities.filter((entity) => claimedBy.has(entity.ref))) {
      const message = `Entity ${entity.ref} is already provided by ${claimedBy.get(entity.ref)}; the first location keeps it`;
      result.conflicts.push({ file: entity.file, entityRef: entity.ref, message });
    }
    const ours = entities.filter((entity) => !claimedBy.has(entity.ref));
    const changed = ours.filter((entity) => stored.get(entity.ref)?.hash !== entity.hash || stored.get(entity.ref)?.sourceFile !== entity.file);
    const changedRefs = new Set(changed.map((entity) => entity.ref));
    revived.push(...ours.filter((entity) => !changedRefs.has(entity.ref) && stored.get(entity.ref)?.orphanedAt).map((entity) => entity.ref));
    await deleteEntitiesByRef(tx, [...changedRefs]);
    await insertEntities(tx, changed, locationId);
    await insertRelations(tx, changed);
    result.written += changed.length;
    result.unchanged += ours.length - changed.length;
    // A file may be skipped next time only if everything it holds is now stored.
    for (const { file, entities: held } of pending) {
      if (file.selfContained && file.contentHash && !held.some((entity) => claimedBy.has(entity.ref))) {
        selfContained.push({ file: file.file, contentHash: file.contentHash, entityCount: held.length });
      }
    }
    pending = [];
    pendingCount = 0;
    await insertLocationFiles(tx, locationId, selfContained);
    selfContained = [];
  };

  return {
    /** For readLocation: the refs of a file that need not be parsed again (see LocationFile). */
    unchangedRefs(file: string, contentHash: string): string[] | undefined {
      const previous = previousFiles.get(file);
      const refs = liveRefsByFile.get(file) ?? [];
      return previous?.contentHash === contentHash && previous.entityCount === refs.length ? refs : undefined;
    },

    /** Takes the next file of the read, in the read's order. */
    async add(file: FileContents): Promise<void> {
      const refs = file.unchangedRefs ?? file.entities.map((entity) => entity.ref);
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
        selfContained.push({ file: file.file, contentHash: file.contentHash!, entityCount: refs.length });
        if (selfContained.length >= FILES_EVERY) await flush();
        return;
      }
      pending.push({ file, entities: file.entities });
      pendingCount += file.entities.length;
      if (pendingCount >= FLUSH_EVERY) await flush();
    },

    /**
     * Writes what is held, then orphans what vanished. Null leaves vanished entities alone,
     * and so does any failed file: it may have held the missing ones.
     */
    async finish(orphans: OrphanPolicy | null): Promise<ReplaceResult> {
      await flush();
      const policy = failedFiles.size ? null : orphans;
      // With no failed file, every ref this read defined is present: firstFile holds them all.
      const vanished = policy ? [...stored.values()].filter((row) => !firstFile.has(row.ref)) : [];
      const expired = vanished.filter(
        (row) => policy?.strategy === 'delete' && row.orphanedAt && now.getTime() - row.orphanedAt.getTime() >= policy.graceMs,
      );
      const newlyOrphaned = vanished.filter((row) => !row.orphanedAt);
      await deleteEntitiesByRef(tx, expired.map((row) => row.ref));
      if (newlyOrphaned.length) {
        await tx.entity.updateMany({ where: { ref: { in: newlyOrphaned.map((row) => row.ref) } }, data: { orphanedAt: now } });
      }
      if (revived.length) await tx.entity.updateMany({ where: { ref: { in: revived } }, data: { orphanedAt: null } });
      return { ...result, orphaned: newlyOrphaned.length, removed: expired.length };
    },

    /** Entities written so far, for progress lines. */
    get written(): number {
      return result.written;
    },
  };
}

export type LocationWrite = Awaited<ReturnType<typeof openLocationWrite>>;

async function claimedElsewhere(tx: Prisma.TransactionClient, locationId: string, refs: string[]): Promise<Map<string, string>> {
  if (!refs.length) return new Map();
  const claimed = await tx.entity.findMany({
    where: { ref: { in: refs }, NOT: { locationId } },
    select: { ref: true, location: { select: { target: true } } },
  });
  return new Map(claimed.map((row) => [row.ref, row.location?.target ?? 'another location']));
}
