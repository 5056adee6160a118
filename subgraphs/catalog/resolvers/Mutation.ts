import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  registerLocation: (_, { target }, context) => context.ingestion.registerLocation(target),
};
