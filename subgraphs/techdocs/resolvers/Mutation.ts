import { publishDocs } from '../builder/publishDocs';
import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  publishDocs: (_, { entityRef, sourceDir }, context) => publishDocs(context.prisma, entityRef, sourceDir),
};
