import { readRows, type SqlReads } from '../../../kit';
import { manyInKeyOrder } from '../../../kit';
import { SEVERITIES } from '../scans/severity';
import { findingColumns, type FindingRecord } from './findingRecord';
import type { FindingFilter } from './findingFilter';

// $5 is the severity scale, most severe first: its position is the sort key.
const ORDER = {
  severity: 'array_position($5::text[], severity), first_seen_at DESC, id',
  newest: 'first_seen_at DESC, array_position($5::text[], severity), id',
};

/** The first `filter.first` matching findings of each entity, in one query whatever the number of entities. */
export async function findFindings(reads: SqlReads, refs: readonly string[], filter: FindingFilter): Promise<FindingRecord[][]> {
  const rows = await readRows<FindingRecord>(reads, 
    `SELECT ${findingColumns('ranked')} FROM (
       SELECT *, row_number() OVER (PARTITION BY entity_ref ORDER BY ${ORDER[filter.order]}) AS position
       FROM findings
       WHERE entity_ref = ANY($1::text[])
         AND ($2::text IS NULL OR state = $2::text)
         AND ($3::text[] IS NULL OR severity = ANY($3::text[]))
     ) ranked
     WHERE position <= $4
     ORDER BY entity_ref, position`,
    [...new Set(refs)],
    filter.state,
    filter.severities,
    filter.first,
    [...SEVERITIES],
  );
  return manyInKeyOrder(refs, rows, (row) => row.entityRef);
}
