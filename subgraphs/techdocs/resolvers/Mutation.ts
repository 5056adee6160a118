import { InputError, requireAllowed, requireReadableEntity } from '../../../kit';
import { publishDocs } from '../builder/publishDocs';
import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  publishDocs: async (_, { entityRef, sourceDir }, context) => {
    requireAllowed(context, 'techdocs.docs.publish');
    // Docs only for an entity the caller may read; a hidden one reads as a missing one.
    await requireReadableEntity(context, entityRef);
    // The same words whether the folder exists or not: a caller learns nothing of the machine outside the roots.
    const folder = context.docsRoots.resolve(sourceDir);
    if (!folder) throw new InputError(`"sourceDir" ${sourceDir} is not under a folder TechDocs is configured to read`);
    return publishDocs(context.prisma, entityRef, folder);
  },
};
