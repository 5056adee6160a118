import type { Prisma, PrismaClient } from '../../../prisma/catalog/generated/client';
import type { ProcessedEntity } from '../ingestion/processEntity';
import type { Problem, SourcedEntity } from '../ingestion/readLocation';

export interface ReplaceResult {
  written: number;
  unchanged: number;
  removed: number;
  conflicts: Problem[];
}

/**
 * Makes the stored entities of one location exactly `entities`, in one transaction:
 * changed ones rewritten with their relations, unchanged ones untouched (re-applying the
 * same input writes nothing), vanished ones removed. An entity another location already
 * provides stays with that location and is reported as a conflict.
 */
export async function replaceLocationEntities(
  prisma: PrismaClient,
  locationId: string,
  entities: SourcedEntity[],
): Promise<ReplaceResult> {
  return prisma.$transaction(async (tx) => {
    const refs = entities.map((entity) => entity.ref);
    const claimed = await tx.entity.findMany({
      where: { ref: { in: refs }, NOT: { locationId } },
      select: { ref: true, location: { select: { target: true } } },
    });
    const claimedBy = new Map(claimed.map((row) => [row.ref, row.location?.target ?? 'a direct write']));
    const conflicts: Problem[] = entities
      .filter((entity) => claimedBy.has(entity.ref))
      .map((entity) => ({
        file: entity.file,
        entityRef: entity.ref,
        message: `Entity ${entity.ref} is already provided by ${claimedBy.get(entity.ref)}; the first location keeps it`,
      }));
    const ours = entities.filter((entity) => !claimedBy.has(entity.ref));
    const stored = new Map(
      (await tx.entity.findMany({ where: { locationId }, select: { ref: true, hash: true } })).map((row) => [row.ref, row.hash]),
    );
    const changed = ours.filter((entity) => stored.get(entity.ref) !== entity.hash);
    const keep = new Set(ours.map((entity) => entity.ref));
    const vanished = [...stored.keys()].filter((ref) => !keep.has(ref));
    const rewritten = [...changed.map((entity) => entity.ref), ...vanished];
    if (rewritten.length) {
      await tx.relation.deleteMany({ where: { originRef: { in: rewritten } } });
      await tx.entity.deleteMany({ where: { ref: { in: rewritten } } });
    }
    if (changed.length) {
      await tx.entity.createMany({ data: changed.map((entity) => entityRow(entity, locationId)) });
      await tx.relation.createMany({
        data: changed.flatMap((entity) => entity.relations.map((relation) => ({ originRef: entity.ref, ...relation }))),
        skipDuplicates: true,
      });
    }
    return { written: changed.length, unchanged: ours.length - changed.length, removed: vanished.length, conflicts };
  });
}

function entityRow(entity: ProcessedEntity, locationId: string): Prisma.EntityCreateManyInput {
  return {
    ref: entity.ref,
    kind: entity.kind,
    namespace: entity.namespace,
    name: entity.name,
    type: entity.type,
    lifecycle: entity.lifecycle,
    ownerRef: entity.ownerRef,
    tags: entity.tags,
    descriptor: entity.descriptor as unknown as Prisma.InputJsonValue,
    hash: entity.hash,
    locationId,
  };
}
