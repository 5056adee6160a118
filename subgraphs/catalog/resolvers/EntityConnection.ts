import type { EntityConnectionResolvers } from '../generated/resolvers';
import { countEntities } from '../data/countEntities';
import { countFacets } from '../data/countFacets';
import { catalogAccess } from '../permissions/catalogAccess';

export const EntityConnection: EntityConnectionResolvers = {
  edges: (page) => page.edges,
  pageInfo: (page) => ({ hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null }),
  // Counted only when asked for (a count over a large catalog costs more than the page):
  // with the page when `entities` saw it asked, here otherwise.
  totalCount: (page, _, context) => page.totalCount ?? countEntities(context.reads, page.where),
  facets: (page, { fields, first }, context) =>
    countFacets(context.reads, page.where, fields, first ?? 50, catalogAccess(context).readable),
};
