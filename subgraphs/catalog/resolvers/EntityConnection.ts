import type { EntityConnectionResolvers } from '../generated/resolvers';
import { countEntities, encodeCursor } from '../data/listEntities';

export const EntityConnection: EntityConnectionResolvers = {
  edges: (page) => page.records.map((record) => ({ node: record, cursor: encodeCursor(record.ref) })),
  pageInfo: (page) => ({
    hasNextPage: page.hasNextPage,
    endCursor: page.records.length ? encodeCursor(page.records[page.records.length - 1].ref) : null,
  }),
  // Counted only when asked for: a count over a large catalog costs more than the page.
  totalCount: (page, _, context) => countEntities(context.prisma, page.where),
};
