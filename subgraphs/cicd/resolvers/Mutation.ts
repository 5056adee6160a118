import { requireAllowed, requireReadableEntity } from '../../../kit';
import { recordPipelineRun } from '../data/recordPipelineRun';
import { requireReadableProject } from '../graph/requireReadableProject';
import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  // The run lands on an entity's scorecard: the caller must be able to read that entity,
  // named by ref or found by its project slug (a hidden one reads as a missing one).
  recordPipelineRun: async (_, { input }, context) => {
    requireAllowed(context, 'cicd.run.create');
    if (input.entityRef) await requireReadableEntity(context, input.entityRef);
    else if (input.projectSlug) await requireReadableProject(context, input.projectSlug);
    return recordPipelineRun(context.prisma, input);
  },
};
