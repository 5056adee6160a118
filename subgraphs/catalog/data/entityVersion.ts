import { VersionConflictError } from '../../../kit';
import type { Prisma } from '../../../prisma/catalog/generated/client';

/** Keeps the catalog's entity locks apart from any other advisory lock in the database. */
const ENTITY_LOCK_SPACE = 0x656e74; // "ent"

/**
 * Serializes writes per entity across every replica on the database: a transaction-level
 * advisory lock per ref, held until commit. Row locks would not do: a ref being created
 * has no row yet, and a write replaces its row. Taken in sorted order so that two writes
 * of overlapping sets cannot deadlock. On PGlite (one connection) they cost nothing.
 */
export async function lockEntityRefs(tx: Prisma.TransactionClient, refs: readonly string[]): Promise<void> {
  const sorted = [...new Set(refs)].sort();
  if (!sorted.length) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ENTITY_LOCK_SPACE}::int, hashtext(ref)) FROM unnest(${sorted}::text[]) WITH ORDINALITY AS refs(ref, position) ORDER BY position`;
}

/**
 * An entity's version is the hash of its stored descriptor (exposed as `etag`): equal
 * content is an equal version, and every write that changes the entity changes it. A
 * missing entity has no version, so any expected one is stale.
 */
export function checkExpectedVersion(ref: string, expected: string, stored: string | undefined): void {
  if (stored === expected) return;
  throw new VersionConflictError(
    `Entity ${ref} is no longer at version ${expected}: it changed (or was removed) since it was read. Nothing was written; read it again and retry.`,
  );
}
