import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import type { ProcessedEntity } from '../ingestion/processEntity';
import { announceCatalogEvents, trackEntityChanges } from '../changes/entityChanges';
import { deleteEntitiesByRef, insertEntities } from './bulkWrite';

/** The location that owns entities written through the graph rather than read from files. */
export const DIRECT_LOCATION = { type: 'direct', target: 'graphql:applyEntities' } as const;

export type DirectApplyResult = { ok: true; written: number } | { ok: false; conflicts: string[] };

/**
 * Upserts entities written through the graph, all or nothing, in one transaction. An
 * entity that a registered location provides is not overwritten: the file stays the
 * source of truth, and the whole write is refused. `checked` are the refs whose
 * replacement the caller was allowed before the transaction: an entity that appeared
 * since (another writer, another replica) is a conflict too, never silently replaced.
 */
export async function applyDirectEntities(prisma: PrismaClient, entities: ProcessedEntity[], checked: ReadonlySet<string>): Promise<DirectApplyResult> {
  return prisma.$transaction(async (tx) => {
    const location = await tx.location.upsert({ where: { target: DIRECT_LOCATION.target }, create: DIRECT_LOCATION, update: {} });
    const refs = entities.map((entity) => entity.ref);
    const rows = await tx.entity.findMany({ where: { ref: { in: refs } }, select: { ref: true, hash: true, locationId: true } });
    const conflicts = rows.filter((row) => row.locationId !== location.id || !checked.has(row.ref)).map((row) => row.ref);
    if (conflicts.length) return { ok: false as const, conflicts };
    const stored = new Map(rows.map((row) => [row.ref, row.hash]));
    const changed = entities.filter((entity) => stored.get(entity.ref) !== entity.hash);
    if (changed.length) {
      const changes = await trackEntityChanges(tx, changed.map((entity) => entity.ref));
      await deleteEntitiesByRef(tx, changed.map((entity) => entity.ref));
      await insertEntities(tx, changed, location.id);
      await changes.record();
    }
    return { ok: true as const, written: changed.length };
  }).then(announceWritten);
}

/** Once committed, wakes the feed's readers in this process (a hint: nothing written, nobody woken). */
function announceWritten(result: DirectApplyResult): DirectApplyResult {
  if (result.ok) announceCatalogEvents(result.written);
  return result;
}
