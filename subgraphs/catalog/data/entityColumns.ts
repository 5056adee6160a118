import { Prisma } from '../../../prisma/catalog/generated/client';
import type { EntityRecord } from './entityRecord';

// Typed against the record: a column added to the model fails to compile here until
// raw queries select it too, so a raw read never returns a record missing a field.
const COLUMN_OF: Record<keyof EntityRecord, string> = {
  ref: 'ref',
  kind: 'kind',
  namespace: 'namespace',
  name: 'name',
  type: 'type',
  lifecycle: 'lifecycle',
  ownerRef: 'owner_ref',
  tags: 'tags',
  descriptor: 'descriptor',
  hash: 'hash',
  locationId: 'location_id',
  sourceFile: 'source_file',
  orphanedAt: 'orphaned_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** Every column of an entity row `e`, aliased to the record's field names, for raw SQL. */
export const ENTITY_COLUMNS = Prisma.raw(
  Object.entries(COLUMN_OF)
    .map(([field, column]) => `e."${column}" AS "${field}"`)
    .join(', '),
);

/** The record part of a raw row that also carries other columns (a sort key, a position). */
export function entityRecordOf(row: Record<string, unknown>): EntityRecord {
  const record: Record<string, unknown> = {};
  for (const field of Object.keys(COLUMN_OF)) record[field] = row[field];
  return record as unknown as EntityRecord;
}
