import type { EntityResolvers } from '../generated/resolvers';
import { cicdLoaders } from '../loaders';
import { projectSlugOf } from '../model/projectSlug';
import { checkWindowDays, runsPageQuery } from '../model/runArguments';

export const Entity: EntityResolvers = {
  // The catalog vouches for the ref and, for the fields that @requires them, sends the
  // annotations; all this plugin keeps of them is the project slug.
  __resolveReference: (reference) => ({ ref: reference.ref, projectSlug: projectSlugOf(reference.annotations) }),
  pipelineRuns: (entity, args, context) => cicdLoaders(context).runPages(runsPageQuery(args)).load(entity),
  latestRuns: (entity, { branch }, context) => cicdLoaders(context).latestRuns(branch ?? null).load(entity),
  latestRun: async (entity, args, context) => {
    const page = await cicdLoaders(context).runPages(runsPageQuery({ ...args, first: 1 })).load(entity);
    return page.runs[0] ?? null;
  },
  buildStats: (entity, { window, pipeline, branch }, context) =>
    cicdLoaders(context)
      .buildStats({ windowDays: checkWindowDays(window ?? 30), pipeline: pipeline ?? null, branch: branch ?? null })
      .load(entity),
};
