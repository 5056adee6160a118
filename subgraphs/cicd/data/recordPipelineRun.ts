import type { PrismaClient } from '../../../prisma/cicd/generated/client';
import { InputError } from '../../../kit';
import type { PipelineRunRecord } from './pipelineRunRecord';

export interface PipelineRunInput {
  entityRef: string;
  pipeline: string;
  status: string;
  commitSha?: string | null;
  branch?: string | null;
  url?: string | null;
  startedAt: string;
  finishedAt?: string | null;
  externalId?: string | null;
}

/** Stores a run; a run whose `externalId` was seen before is updated, so re-sent reports do not duplicate. */
export async function recordPipelineRun(prisma: Pick<PrismaClient, 'pipelineRun'>, input: PipelineRunInput): Promise<PipelineRunRecord> {
  const data = toRunData(input);
  if (!input.externalId) return prisma.pipelineRun.create({ data });
  return prisma.pipelineRun.upsert({
    where: { externalId: input.externalId },
    create: { ...data, externalId: input.externalId },
    update: data,
  });
}

/** Checks a reported run and turns it into columns; bad input is an InputError naming the field. */
export function toRunData(input: PipelineRunInput) {
  const data = {
    entityRef: input.entityRef.toLowerCase(),
    pipeline: requireText(input.pipeline, 'pipeline'),
    status: input.status.toLowerCase(),
    commitSha: input.commitSha ?? null,
    branch: input.branch ?? null,
    url: input.url ?? null,
    startedAt: parseDate(input.startedAt, 'startedAt'),
    finishedAt: input.finishedAt ? parseDate(input.finishedAt, 'finishedAt') : null,
  };
  if (data.finishedAt && data.finishedAt < data.startedAt) throw new InputError('"finishedAt" is before "startedAt"');
  return data;
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
