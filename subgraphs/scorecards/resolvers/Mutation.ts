import { requireAllowed } from '../../../kit';
import { defineCheck } from '../data/defineCheck';
import { removeCheck } from '../data/removeCheck';
import type { MutationResolvers } from '../generated/resolvers';
import { checkDefinition } from '../model/checkDefinition';

export const Mutation: MutationResolvers = {
  defineCheck: (_, { input }, context) => {
    requireAllowed(context, 'scorecards.check.update');
    return defineCheck(context.prisma, checkDefinition(input));
  },
  removeCheck: (_, { id }, context) => {
    requireAllowed(context, 'scorecards.check.update');
    return removeCheck(context.prisma, id);
  },
};
