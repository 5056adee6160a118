import { requireAllowed } from '../../../kit';
import { publishDocs } from '../builder/publishDocs';
import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  publishDocs: (_, { entityRef, sourceDir }, context) => {
    requireAllowed(context, 'techdocs.docs.publish');
    return publishDocs(context.prisma, entityRef, sourceDir);
  },
};
