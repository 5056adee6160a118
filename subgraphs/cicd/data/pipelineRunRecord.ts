import type { PipelineRun } from '../../../prisma/cicd/generated/client';

/** A pipeline run as stored. */
export type PipelineRunRecord = PipelineRun;

/** The columns of a run `r`, aliased to the record's field names, for raw SQL. */
export const PIPELINE_RUN_COLUMNS = `r.id, r.entity_ref AS "entityRef", r.project_slug AS "projectSlug", r.pipeline, r.status,
  r.commit_sha AS "commitSha", r.branch, r.url, r.started_at AS "startedAt", r.finished_at AS "finishedAt",
  r.external_id AS "externalId", r.source_updated_at AS "sourceUpdatedAt"`;
