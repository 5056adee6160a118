import { readRows, type SqlReads } from '../../../kit';
import type { EntityKey } from './entityKey';
import { ENTITY_KEYS_FROM, entityKeyParams, groupByPosition, RUN_OF_ENTITY } from './entityRunsSql';
import { PIPELINE_RUN_COLUMNS, type PipelineRunRecord } from './pipelineRunRecord';

/** The newest run of every pipeline of each entity (optionally on one branch), in one query. */
export async function findLatestRuns(reads: SqlReads, keys: readonly EntityKey[], branch: string | null): Promise<PipelineRunRecord[][]> {
  const rows = await readRows<(PipelineRunRecord & { position: number })>(reads, 
    `SELECT DISTINCT ON (entity.position, r.pipeline) entity.position::int AS position, ${PIPELINE_RUN_COLUMNS}
     FROM ${ENTITY_KEYS_FROM}
     JOIN pipeline_runs r ON ${RUN_OF_ENTITY}
     WHERE $3::text IS NULL OR r.branch = $3::text
     ORDER BY entity.position, r.pipeline, r.started_at DESC, r.id`,
    ...entityKeyParams(keys),
    branch,
  );
  return groupByPosition(keys.length, rows).map((group) => group.map(({ position: _position, ...run }) => run));
}
