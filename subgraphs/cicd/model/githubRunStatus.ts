import { InputError } from '../../../kit';
import type { RunStatus } from './runStatus';

// GitHub's workflow run `status` values before the run completes.
const OPEN_STATUSES: Record<string, RunStatus> = {
  requested: 'queued',
  queued: 'queued',
  pending: 'queued',
  waiting: 'queued',
  in_progress: 'running',
};

// GitHub's `conclusion` once `status` is `completed`.
const CONCLUSIONS: Record<string, RunStatus> = {
  success: 'succeeded',
  failure: 'failed',
  timed_out: 'failed',
  startup_failure: 'failed',
  cancelled: 'cancelled',
  // Superseded by GitHub before it finished.
  stale: 'cancelled',
  skipped: 'skipped',
  neutral: 'skipped',
  // A run from a fork waits for a maintainer's approval: it has not run yet.
  action_required: 'queued',
};

/**
 * A GitHub Actions workflow run's `status` and `conclusion` as one of our states. An
 * unknown value is refused rather than guessed: a wrong "succeeded" would mislead every
 * scorecard that reads it, while a refused delivery shows in GitHub's delivery log.
 */
export function githubRunStatus(status: unknown, conclusion: unknown): RunStatus {
  if (status === 'completed') {
    const mapped = typeof conclusion === 'string' ? CONCLUSIONS[conclusion] : undefined;
    if (!mapped) throw new InputError(`Unknown workflow_run conclusion ${JSON.stringify(conclusion)} for a completed run`);
    return mapped;
  }
  const mapped = typeof status === 'string' ? OPEN_STATUSES[status] : undefined;
  if (!mapped) throw new InputError(`Unknown workflow_run status ${JSON.stringify(status)}`);
  return mapped;
}
