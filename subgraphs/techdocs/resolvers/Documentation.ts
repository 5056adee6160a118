import type { DocumentationResolvers } from '../generated/resolvers';
import { techdocsLoaders } from '../loaders';

export const Documentation: DocumentationResolvers = {
  pages: (site, _, context) => techdocsLoaders(context).sitePages.load(site.entityRef),
  publishedAt: (site) => site.publishedAt.toISOString(),
};
