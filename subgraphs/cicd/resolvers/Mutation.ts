import { requireAllowed } from '../../../kit';
import { recordPipelineRun } from '../data/recordPipelineRun';
import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  recordPipelineRun: (_, { input }, context) => {
    requireAllowed(context, 'cicd.run.create');
    return recordPipelineRun(context.prisma, input);
  },
};
