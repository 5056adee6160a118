import { InputError } from '../../../kit';
import type { QueryResolvers } from '../generated/resolvers';
import { cicdLoaders } from '../loaders';
import { normalizeProjectSlug } from '../model/projectSlug';
import { runsPageQuery } from '../model/runArguments';

export const Query: QueryResolvers = {
  pipelineRunsFor: async (_, { entityRef, projectSlug, first }, context) => {
    const slug = projectSlug ? normalizeProjectSlug(projectSlug) : null;
    if (projectSlug && !slug) throw new InputError(`"projectSlug" must look like owner/name, got ${projectSlug}`);
    const page = await cicdLoaders(context).runPages(runsPageQuery({ first })).load({ ref: entityRef.toLowerCase(), projectSlug: slug });
    return page.runs;
  },
};
