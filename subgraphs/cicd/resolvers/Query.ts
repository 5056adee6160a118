import type { QueryResolvers } from '../generated/resolvers';
import { cicdLoaders } from '../loaders';
import { checkRunsPage } from './Entity';

export const Query: QueryResolvers = {
  pipelineRunsFor: (_, { entityRef, first }, context) =>
    cicdLoaders(context).recentRuns(checkRunsPage(first ?? 10)).load(entityRef.toLowerCase()),
};
