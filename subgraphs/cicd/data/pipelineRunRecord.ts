import type { PipelineRun } from '../../../prisma/cicd/generated/client';

/** A pipeline run as stored. */
export type PipelineRunRecord = PipelineRun;

/** The columns of a run, aliased to the record's field names, for raw SQL. */
export const PIPELINE_RUN_COLUMNS = `id, entity_ref AS "entityRef", pipeline, status, commit_sha AS "commitSha", branch, url,
  started_at AS "startedAt", finished_at AS "finishedAt", external_id AS "externalId"`;
