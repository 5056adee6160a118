import { defineCheck } from '../data/defineCheck';
import { removeCheck } from '../data/removeCheck';
import type { MutationResolvers } from '../generated/resolvers';
import { checkDefinition } from '../model/checkDefinition';

export const Mutation: MutationResolvers = {
  defineCheck: (_, { input }, context) => defineCheck(context.prisma, checkDefinition(input)),
  removeCheck: (_, { id }, context) => removeCheck(context.prisma, id),
};
