import { readRows, type SqlReads } from '../../../kit';
import { oneInKeyOrder } from '../../../kit';
import { findingColumns, takeFinding, type FindingRecord } from './findingRecord';

/** Open findings of one entity, counted by severity. */
export interface VulnerabilitySummaryRecord {
  critical: number;
  high: number;
  moderate: number;
  low: number;
  info: number;
  total: number;
  oldestOpenCritical: FindingRecord | null;
}

const OLDEST = 'oldest.';

/**
 * The summary of each entity, counts and oldest open critical finding together, in one
 * query whatever the number of entities. An entity with no open finding gets zeros, not
 * null: "nothing found" is an answer, and null is kept for "plugin down".
 */
export async function summarizeFindings(reads: SqlReads, refs: readonly string[]): Promise<VulnerabilitySummaryRecord[]> {
  const rows = await readRows<(Omit<VulnerabilitySummaryRecord, 'oldestOpenCritical'> & { entityRef: string })>(reads, 
    `WITH open_findings AS (
       SELECT * FROM findings WHERE entity_ref = ANY($1::text[]) AND state = 'open'
     ), counts AS (
       SELECT entity_ref,
         count(*) FILTER (WHERE severity = 'critical')::int AS critical,
         count(*) FILTER (WHERE severity = 'high')::int AS high,
         count(*) FILTER (WHERE severity = 'moderate')::int AS moderate,
         count(*) FILTER (WHERE severity = 'low')::int AS low,
         count(*) FILTER (WHERE severity = 'info')::int AS info,
         count(*)::int AS total
       FROM open_findings GROUP BY entity_ref
     ), oldest_critical AS (
       SELECT DISTINCT ON (entity_ref) * FROM open_findings WHERE severity = 'critical'
       ORDER BY entity_ref, first_seen_at, id
     )
     SELECT counts.entity_ref AS "entityRef", counts.critical, counts.high, counts.moderate, counts.low, counts.info, counts.total,
       ${findingColumns('oldest_critical', OLDEST)}
     FROM counts LEFT JOIN oldest_critical ON oldest_critical.entity_ref = counts.entity_ref`,
    [...new Set(refs)],
  );
  return oneInKeyOrder(refs, rows, (row) => row.entityRef).map((row) =>
    row
      ? {
          critical: row.critical,
          high: row.high,
          moderate: row.moderate,
          low: row.low,
          info: row.info,
          total: row.total,
          oldestOpenCritical: takeFinding(row, OLDEST),
        }
      : { critical: 0, high: 0, moderate: 0, low: 0, info: 0, total: 0, oldestOpenCritical: null },
  );
}
