import { InputError } from '../../../kit';
import type { EntityResolvers } from '../generated/resolvers';
import { cicdLoaders } from '../loaders';

export const MAX_RUNS_PAGE = 100;

export function checkRunsPage(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_RUNS_PAGE) {
    throw new InputError(`"first" must be between 1 and ${MAX_RUNS_PAGE}, got ${first}`);
  }
  return first;
}

export const Entity: EntityResolvers = {
  // The catalog vouches for the ref; this plugin needs nothing else to resolve its fields.
  __resolveReference: (reference) => ({ ref: reference.ref }),
  pipelineRuns: (entity, { first }, context) => cicdLoaders(context).recentRuns(checkRunsPage(first ?? 10)).load(entity.ref),
  latestRuns: (entity, _, context) => cicdLoaders(context).latestRuns.load(entity.ref),
};
