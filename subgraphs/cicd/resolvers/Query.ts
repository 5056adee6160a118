import { allowsAcrossCatalog, InputError } from '../../../kit';
import type { QueryResolvers } from '../generated/resolvers';
import { cicdLoaders } from '../loaders';
import { normalizeProjectSlug } from '../model/projectSlug';
import { runsPageQuery } from '../model/runArguments';

/** The plugin's read action; its root query needs it, and catalog reads, allowed outright. */
export const CICD_RUN_READ = 'cicd.run.read';

export const Query: QueryResolvers = {
  pipelineRunsFor: async (_, { entityRef, projectSlug, first }, context) => {
    const slug = projectSlug ? normalizeProjectSlug(projectSlug) : null;
    if (projectSlug && !slug) throw new InputError(`"projectSlug" must look like owner/name, got ${projectSlug}`);
    // Refused looks like no runs: never an error that tells the entity exists.
    if (!allowsAcrossCatalog(context, CICD_RUN_READ)) return [];
    const page = await cicdLoaders(context).runPages(runsPageQuery({ first })).load({ ref: entityRef.toLowerCase(), projectSlug: slug });
    return page.runs;
  },
};
