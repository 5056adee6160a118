import type { CatalogContext } from '../context';
import { descriptorOf, type EntityRecord } from '../data/entityRecord';
import type { RelationRecord } from '../data/relationRecord';
import { catalogLoaders } from '../loaders';
import { deriveRelations } from '../model/deriveRelations';
import type { EntitySnapshot } from './entityChanges';

/** Marks a record built from a recorded version, not read from the entities table. */
const HISTORICAL = Symbol('historical entity version');

type HistoricalRecord = EntityRecord & { [HISTORICAL]: true };

const date = (value: unknown) => (value === null || value === undefined ? null : new Date(String(value)));

/** An entity as a recorded version holds it (see entityChanges), in the shape resolvers take. */
export function recordOfSnapshot(snapshot: EntitySnapshot): EntityRecord {
  const record = {
    ref: snapshot.ref,
    kind: snapshot.kind,
    namespace: snapshot.namespace,
    name: snapshot.name,
    type: snapshot.type ?? null,
    lifecycle: snapshot.lifecycle ?? null,
    ownerRef: snapshot.owner_ref ?? null,
    tags: snapshot.tags ?? [],
    descriptor: snapshot.descriptor,
    hash: snapshot.hash,
    locationId: snapshot.location_id ?? null,
    sourceFile: snapshot.source_file ?? null,
    orphanedAt: date(snapshot.orphaned_at),
    createdAt: date(snapshot.created_at),
    updatedAt: date(snapshot.updated_at),
    [HISTORICAL]: true,
  };
  return record as unknown as HistoricalRecord;
}

/**
 * The relations an entity starts, as resolvers list them: for a recorded version, those
 * its descriptor declared then (so `owner` is the owner it had); for today's entity,
 * the stored ones.
 */
export async function relationsFrom(record: EntityRecord, context: CatalogContext): Promise<RelationRecord[]> {
  if (!(HISTORICAL in record)) return catalogLoaders(context).relationsBySource.load(record.ref);
  try {
    return deriveRelations(descriptorOf(record)).filter((relation) => relation.sourceRef === record.ref);
  } catch {
    // Stored versions passed validation; one that cannot be read again has no relations to show.
    return [];
  }
}
