import { readRows, type SqlReads } from '../../../kit';
import type { EntityKey } from './entityKey';
import { ENTITY_KEYS_FROM, entityKeyParams, groupByPosition, RUN_OF_ENTITY } from './entityRunsSql';

/** Which runs the statistics cover: the same for every entity of one batch. */
export interface BuildStatsQuery {
  windowDays: number;
  pipeline: string | null;
  branch: string | null;
}

/** Build health of one entity over the window (the GraphQL `BuildStats`). */
export interface BuildStatsRecord {
  windowDays: number;
  runCount: number;
  successCount: number;
  failureCount: number;
  successRate: number | null;
  medianDurationSeconds: number | null;
}

/**
 * Counts, success rate and median duration for each entity, computed by the database in
 * one query (`percentile_cont` works the same on PostgreSQL and PGlite). Only runs with
 * a verdict (succeeded or failed) enter the rate and the median.
 */
export async function computeBuildStats(
  reads: SqlReads,
  keys: readonly EntityKey[],
  query: BuildStatsQuery,
  now: Date,
): Promise<BuildStatsRecord[]> {
  const since = new Date(now.getTime() - query.windowDays * 86_400_000);
  const rows = await readRows<(Omit<BuildStatsRecord, 'windowDays'> & { position: number })>(reads, 
    `SELECT entity.position::int AS position,
       count(r.id)::int AS "runCount",
       (count(r.id) FILTER (WHERE r.status = 'succeeded'))::int AS "successCount",
       (count(r.id) FILTER (WHERE r.status = 'failed'))::int AS "failureCount",
       (count(r.id) FILTER (WHERE r.status = 'succeeded'))::float8
         / nullif(count(r.id) FILTER (WHERE r.status IN ('succeeded', 'failed')), 0) AS "successRate",
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.finished_at - r.started_at)::float8)
         FILTER (WHERE r.status IN ('succeeded', 'failed') AND r.finished_at IS NOT NULL) AS "medianDurationSeconds"
     FROM ${ENTITY_KEYS_FROM}
     LEFT JOIN pipeline_runs r ON ${RUN_OF_ENTITY}
       AND r.started_at >= $3::timestamp(3)
       AND ($4::text IS NULL OR r.pipeline = $4::text)
       AND ($5::text IS NULL OR r.branch = $5::text)
     GROUP BY entity.position
     ORDER BY entity.position`,
    ...entityKeyParams(keys),
    since.toISOString(),
    query.pipeline,
    query.branch,
  );
  return groupByPosition(keys.length, rows).map(([row]) => ({
    windowDays: query.windowDays,
    runCount: row?.runCount ?? 0,
    successCount: row?.successCount ?? 0,
    failureCount: row?.failureCount ?? 0,
    successRate: row?.successRate ?? null,
    medianDurationSeconds: row?.medianDurationSeconds ?? null,
  }));
}
