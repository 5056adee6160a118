import { InputError } from '../../../kit';
import type { PipelineRunInput } from '../data/recordPipelineRun';
import { githubRunStatus } from './githubRunStatus';
import { FINISHED_STATUSES } from './runStatus';

/**
 * A GitHub Actions `workflow_run` webhook payload as a run to record. GitHub names the
 * repository, never a catalog entity: the run is stored by project slug and found at read
 * time through each entity's `github.com/project-slug` annotation. The external id is the
 * workflow run's id, so every later delivery for the run (in progress, completed, a
 * re-run attempt, a redelivery) updates the same row.
 * See https://docs.github.com/en/webhooks/webhook-events-and-payloads#workflow_run
 */
export function workflowRunToInput(payload: unknown): PipelineRunInput {
  const run = objectAt(payload, 'workflow_run');
  const repository = objectAt(payload, 'repository');
  const status = githubRunStatus(run.status, run.conclusion);
  const updatedAt = optionalText(run, 'updated_at');
  return {
    externalId: `github:${requiredId(run.id)}`,
    projectSlug: requiredText(repository, 'full_name', 'repository'),
    pipeline: requiredText(run, 'name', 'workflow_run'),
    status,
    commitSha: optionalText(run, 'head_sha'),
    branch: optionalText(run, 'head_branch'),
    url: optionalText(run, 'html_url'),
    // A re-run attempt restarts the clock: run_started_at is the attempt's start.
    startedAt: optionalText(run, 'run_started_at') ?? requiredText(run, 'created_at', 'workflow_run'),
    // GitHub stamps updated_at when the run completes; that is its finish time.
    finishedAt: FINISHED_STATUSES.has(status) ? updatedAt : null,
    sourceUpdatedAt: updatedAt,
  };
}

function objectAt(parent: unknown, key: string): Record<string, unknown> {
  const value = isObject(parent) ? parent[key] : undefined;
  if (!isObject(value)) throw new InputError(`The payload has no "${key}" object`);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requiredId(value: unknown): string {
  if ((typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d+$/.test(value))) return String(value);
  throw new InputError('The payload has no "workflow_run.id"');
}

function requiredText(object: Record<string, unknown>, key: string, where: string): string {
  const value = optionalText(object, key);
  if (value === null) throw new InputError(`The payload has no "${where}.${key}"`);
  return value;
}

function optionalText(object: Record<string, unknown>, key: string): string | null {
  const value = object[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
