import type { PipelineRunResolvers, PipelineStatus } from '../generated/resolvers';

export const PipelineRun: PipelineRunResolvers = {
  status: (run) => run.status.toUpperCase() as PipelineStatus,
  startedAt: (run) => run.startedAt.toISOString(),
  finishedAt: (run) => run.finishedAt?.toISOString() ?? null,
  durationSeconds: (run) => (run.finishedAt ? Math.round((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000) : null),
};
