/** A run's state as stored: the GraphQL `PipelineStatus`, lower-cased. */
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'skipped'] as const;

export type RunStatus = (typeof RUN_STATUSES)[number];

/** States in which a run is over, so it has a finish time. */
export const FINISHED_STATUSES: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed', 'cancelled', 'skipped']);

export function isRunStatus(value: string): value is RunStatus {
  return (RUN_STATUSES as readonly string[]).includes(value);
}
