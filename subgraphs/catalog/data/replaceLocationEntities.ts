import type { Prisma, PrismaClient } from '../../../prisma/catalog/generated/client';
import type { FileContents, Problem } from '../ingestion/readLocation';
import { deleteEntitiesByRef, insertEntities, insertRelations } from './bulkWrite';

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
  conflicts: Problem[];
}

/**
 * Makes the stored entities of one location match what was just read, in one
 * transaction. Per file, all or nothing: a file with any problem keeps its previously
 * stored entities. Unchanged entities are not written (re-applying the same input writes
 * nothing). Entities that vanished become orphans. An entity another location already
 * provides stays with that location and is reported as a conflict.
 */
export async function replaceLocationEntities(
  prisma: PrismaClient,
  locationId: string,
  files: FileContents[],
  /** Null leaves vanished entities alone (used when part of the location could not be read). */
  policy: OrphanPolicy | null,
  now = new Date(),
): Promise<ReplaceResult> {
  return prisma.$transaction(async (tx) => {
    const read = files.filter((file) => file.ok).flatMap((file) => file.entities);
    const failedFiles = new Set(files.filter((file) => !file.ok).map((file) => file.file));
    const claimedBy = await claimedElsewhere(tx, locationId, read.map((entity) => entity.ref));
    const conflicts: Problem[] = read
      .filter((entity) => claimedBy.has(entity.ref))
      .map((entity) => ({
        file: entity.file,
        entityRef: entity.ref,
        message: `Entity ${entity.ref} is already provided by ${claimedBy.get(entity.ref)}; the first location keeps it`,
      }));
    const ours = read.filter((entity) => !claimedBy.has(entity.ref));
    const stored = new Map(
      (
        await tx.entity.findMany({ where: { locationId }, select: { ref: true, hash: true, sourceFile: true, orphanedAt: true } })
      ).map((row) => [row.ref, row]),
    );
    const changed = ours.filter((entity) => stored.get(entity.ref)?.hash !== entity.hash || stored.get(entity.ref)?.sourceFile !== entity.file);
    const revived = ours.filter((entity) => !changed.includes(entity) && stored.get(entity.ref)?.orphanedAt);
    const present = new Set(ours.map((entity) => entity.ref));
    const vanished = policy
      ? [...stored.values()].filter((row) => !present.has(row.ref) && !failedFiles.has(row.sourceFile ?? ''))
      : [];
    const expired = vanished.filter(
      (row) => policy?.strategy === 'delete' && row.orphanedAt && now.getTime() - row.orphanedAt.getTime() >= policy.graceMs,
    );
    const newlyOrphaned = vanished.filter((row) => !row.orphanedAt);

    await deleteEntitiesByRef(tx, [...changed.map((entity) => entity.ref), ...expired.map((row) => row.ref)]);
    await insertEntities(tx, changed, locationId);
    await insertRelations(tx, changed);
    if (newlyOrphaned.length) {
      await tx.entity.updateMany({ where: { ref: { in: newlyOrphaned.map((row) => row.ref) } }, data: { orphanedAt: now } });
    }
    if (revived.length) {
      await tx.entity.updateMany({ where: { ref: { in: revived.map((entity) => entity.ref) } }, data: { orphanedAt: null } });
    }
    return {
      written: changed.length,
      unchanged: ours.length - changed.length,
      orphaned: newlyOrphaned.length,
      removed: expired.length,
      conflicts,
    };
  });
}

async function claimedElsewhere(tx: Prisma.TransactionClient, locationId: string, refs: string[]): Promise<Map<string, string>> {
  const claimed = await tx.entity.findMany({
    where: { ref: { in: refs }, NOT: { locationId } },
    select: { ref: true, location: { select: { target: true } } },
  });
  return new Map(claimed.map((row) => [row.ref, row.location?.target ?? 'another location']));
}
