import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../../prisma/cicd/generated/client';
import { announceEvents, InputError, recordEvents } from '../../../kit';
import { normalizeProjectSlug } from '../model/projectSlug';
import { isRunStatus, RUN_STATUSES } from '../model/runStatus';
import { PIPELINE_RUN_COLUMNS, type PipelineRunRecord } from './pipelineRunRecord';

/** cicd's name on the change feed. */
export const CICD_SOURCE = 'cicd';

export interface PipelineRunInput {
  /** The entity, when the reporter knows it; otherwise `projectSlug` must name the repository. */
  entityRef?: string | null;
  projectSlug?: string | null;
  pipeline: string;
  status: string;
  commitSha?: string | null;
  branch?: string | null;
  url?: string | null;
  startedAt: string;
  finishedAt?: string | null;
  externalId?: string | null;
  /** When the CI system last changed the run (GitHub's `updated_at`): orders re-sent reports. */
  sourceUpdatedAt?: string | null;
}

/**
 * Stores a run; a run whose `externalId` was seen before is updated, so re-sent reports
 * do not duplicate. When both reports carry the CI system's own change time, an older one
 * (a redelivered "in progress" after "completed") leaves the stored run as it is.
 */
export async function recordPipelineRun(prisma: PrismaClient, input: PipelineRunInput): Promise<PipelineRunRecord> {
  const data = toRunData(input);
  const { run, events } = await prisma.$transaction(async (tx) => {
    const before = input.externalId ? await tx.pipelineRun.findUnique({ where: { externalId: input.externalId }, select: { status: true } }) : null;
    const stored = await storeRun(tx, data, input.externalId);
    return { run: stored, events: await recordRunEvents(tx, before?.status ?? null, stored) };
  });
  if (events > 0) announceEvents(CICD_SOURCE);
  return run;
}

/**
 * PIPELINE_FAILED on the change feed when a run of a known entity turns failed (new, or
 * reported again with another status before). A run known only by its repository slug
 * has no entity ref here (the catalog matches slugs when it is read), so it publishes none.
 */
async function recordRunEvents(tx: Prisma.TransactionClient, statusBefore: string | null, run: PipelineRunRecord): Promise<number> {
  if (run.status !== 'failed' || statusBefore === 'failed' || !run.entityRef) return 0;
  // The feed's refs are canonical: `component:web-shop` is in the default namespace.
  const ref = run.entityRef.includes('/') ? run.entityRef : run.entityRef.replace(':', ':default/');
  return recordEvents(tx, CICD_SOURCE, [{ ref, change: 'PIPELINE_FAILED', fields: ['status'] }]);
}

async function storeRun(prisma: Prisma.TransactionClient, data: ReturnType<typeof toRunData>, externalId: string | null | undefined): Promise<PipelineRunRecord> {
  if (!externalId) return prisma.pipelineRun.create({ data });
  const [stored] = await prisma.$queryRawUnsafe<PipelineRunRecord[]>(
    `INSERT INTO pipeline_runs AS r (id, entity_ref, project_slug, pipeline, status, commit_sha, branch, url,
       started_at, finished_at, external_id, source_updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamp(3), $10::timestamp(3), $11, $12::timestamp(3))
     ON CONFLICT (external_id) DO UPDATE SET
       -- A report that names only the repository does not forget a ref reported before.
       entity_ref = coalesce(EXCLUDED.entity_ref, r.entity_ref),
       project_slug = coalesce(EXCLUDED.project_slug, r.project_slug),
       pipeline = EXCLUDED.pipeline, status = EXCLUDED.status, commit_sha = EXCLUDED.commit_sha,
       branch = EXCLUDED.branch, url = EXCLUDED.url, started_at = EXCLUDED.started_at,
       finished_at = EXCLUDED.finished_at, source_updated_at = EXCLUDED.source_updated_at
     WHERE EXCLUDED.source_updated_at IS NULL OR r.source_updated_at IS NULL
       OR r.source_updated_at <= EXCLUDED.source_updated_at
     RETURNING ${PIPELINE_RUN_COLUMNS}`,
    randomUUID(),
    data.entityRef,
    data.projectSlug,
    data.pipeline,
    data.status,
    data.commitSha,
    data.branch,
    data.url,
    data.startedAt.toISOString(),
    data.finishedAt?.toISOString() ?? null,
    externalId,
    data.sourceUpdatedAt?.toISOString() ?? null,
  );
  // No row back: the stored report was newer and stays; answer with it.
  return stored ?? prisma.pipelineRun.findUniqueOrThrow({ where: { externalId } });
}

/** Checks a reported run and turns it into columns; bad input is an InputError naming the field. */
export function toRunData(input: PipelineRunInput) {
  const entityRef = input.entityRef?.trim() ? input.entityRef.trim().toLowerCase() : null;
  const projectSlug = input.projectSlug?.trim() ? requireSlug(input.projectSlug) : null;
  if (!entityRef && !projectSlug) throw new InputError('A run needs "entityRef" or "projectSlug" to say whose it is');
  const status = input.status.toLowerCase();
  if (!isRunStatus(status)) throw new InputError(`"status" must be one of ${RUN_STATUSES.join(', ')}, got ${input.status}`);
  const data = {
    entityRef,
    projectSlug,
    pipeline: requireText(input.pipeline, 'pipeline'),
    status,
    commitSha: input.commitSha ?? null,
    branch: input.branch ?? null,
    url: input.url ?? null,
    startedAt: parseDate(input.startedAt, 'startedAt'),
    finishedAt: input.finishedAt ? parseDate(input.finishedAt, 'finishedAt') : null,
    sourceUpdatedAt: input.sourceUpdatedAt ? parseDate(input.sourceUpdatedAt, 'sourceUpdatedAt') : null,
  };
  if (data.finishedAt && data.finishedAt < data.startedAt) throw new InputError('"finishedAt" is before "startedAt"');
  return data;
}

function requireSlug(value: string): string {
  const slug = normalizeProjectSlug(value);
  if (!slug) throw new InputError(`"projectSlug" must look like owner/name, got ${value}`);
  return slug;
}

function parseDate(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InputError(`"${field}" is not an ISO 8601 date: ${value}`);
  return date;
}

function requireText(value: string, field: string): string {
  if (!value.trim()) throw new InputError(`"${field}" must not be empty`);
  return value.trim();
}
