import type { Finding } from '../../../prisma/security/generated/client';

/** A finding as stored. */
export type FindingRecord = Finding;

/** Record field -> column, for raw SQL (Prisma's models cannot express the window queries). */
const COLUMNS: Record<keyof FindingRecord, string> = {
  id: 'id',
  entityRef: 'entity_ref',
  scanner: 'scanner',
  fingerprint: 'fingerprint',
  advisoryId: 'advisory_id',
  packageName: 'package_name',
  installedVersion: 'installed_version',
  vulnerableRange: 'vulnerable_range',
  fixedVersion: 'fixed_version',
  severity: 'severity',
  state: 'state',
  title: 'title',
  url: 'url',
  location: 'location',
  firstSeenAt: 'first_seen_at',
  lastSeenAt: 'last_seen_at',
  fixedAt: 'fixed_at',
  dismissedAt: 'dismissed_at',
  dismissedReason: 'dismissed_reason',
};

/** The select list of a finding from `table`, aliased to the record's fields with an optional prefix. */
export function findingColumns(table: string, prefix = ''): string {
  return Object.entries(COLUMNS).map(([field, column]) => `${table}.${column} AS "${prefix}${field}"`).join(', ');
}

/** The finding a prefixed select list put in `row`, or null when its id is null (no row joined). */
export function takeFinding(row: Record<string, unknown>, prefix: string): FindingRecord | null {
  if (row[`${prefix}id`] === null || row[`${prefix}id`] === undefined) return null;
  return Object.fromEntries(Object.keys(COLUMNS).map((field) => [field, row[`${prefix}${field}`]])) as FindingRecord;
}
