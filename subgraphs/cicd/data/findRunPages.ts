import { readRows, type SqlReads } from '../../../kit';
import type { RunPosition } from '../model/runCursor';
import type { RunStatus } from '../model/runStatus';
import type { EntityKey } from './entityKey';
import { ENTITY_KEYS_FROM, entityKeyParams, groupByPosition, RUN_OF_ENTITY } from './entityRunsSql';
import { PIPELINE_RUN_COLUMNS, type PipelineRunRecord } from './pipelineRunRecord';

/** Which runs, and which page of them: the same for every entity of one batch. */
export interface RunsPageQuery {
  first: number;
  /** Start after this run (exclusive); null for the first page. */
  after: RunPosition | null;
  branch: string | null;
  pipeline: string | null;
  /** Only runs in one of these states; null for any. */
  statuses: RunStatus[] | null;
}

/** One page of an entity's runs, newest first. */
export interface RunsPage {
  runs: PipelineRunRecord[];
  hasNextPage: boolean;
}

/**
 * A page of runs for each entity, in one query whatever the number of entities: a
 * LATERAL subquery per entity walks its runs newest first (by ref or by project slug,
 * through the two `started_at DESC` indexes) and stops one past the page, which tells
 * whether another page follows.
 */
export async function findRunPages(reads: SqlReads, keys: readonly EntityKey[], query: RunsPageQuery): Promise<RunsPage[]> {
  const rows = await readRows<(PipelineRunRecord & { position: number })>(reads, 
    `SELECT entity.position::int AS position, ${PIPELINE_RUN_COLUMNS}
     FROM ${ENTITY_KEYS_FROM}
     CROSS JOIN LATERAL (
       SELECT * FROM pipeline_runs r
       WHERE ${RUN_OF_ENTITY}
         AND ($3::text IS NULL OR r.branch = $3::text)
         AND ($4::text IS NULL OR r.pipeline = $4::text)
         AND ($5::text[] IS NULL OR r.status = ANY($5::text[]))
         AND ($6::timestamp(3) IS NULL OR r.started_at < $6::timestamp(3) OR (r.started_at = $6::timestamp(3) AND r.id > $7::text))
       ORDER BY r.started_at DESC, r.id
       LIMIT $8::int
     ) r
     ORDER BY entity.position, r.started_at DESC, r.id`,
    ...entityKeyParams(keys),
    query.branch,
    query.pipeline,
    query.statuses,
    // An ISO string, not a Date: a driver may render a Date in local time, which a cast to
    // timestamp (without zone, as Prisma stores DateTime in UTC) would silently shift.
    query.after?.startedAt.toISOString() ?? null,
    query.after?.id ?? null,
    query.first + 1,
  );
  return groupByPosition(keys.length, rows).map((group) => ({
    runs: group.slice(0, query.first).map(({ position: _position, ...run }) => run),
    hasNextPage: group.length > query.first,
  }));
}
