import type { EntityResolvers } from '../generated/resolvers';
import { techdocsLoaders } from '../loaders';
import { docsFolderOf } from '../model/docsFolderOf';

type Annotations = { key: string; value: string }[];

export const Entity: EntityResolvers = {
  // The catalog vouches for the ref; its annotations (sent because `docs` @requires them) say where docs live.
  __resolveReference: (reference) => ({
    ref: reference.ref,
    docsFolder: docsFolderOf((reference as { annotations?: Annotations }).annotations),
  }),
  docs: async (entity, _, context) => {
    const site = await techdocsLoaders(context).docSites.load(entity.ref);
    if (!entity.docsFolder) return site;
    return context.autoPublish(entity.ref, entity.docsFolder, site);
  },
};
