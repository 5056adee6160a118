import { recordPipelineRun } from '../data/recordPipelineRun';
import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  recordPipelineRun: (_, { input }, context) => recordPipelineRun(context.prisma, input),
};
