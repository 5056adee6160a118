import type { PipelineRunConnectionResolvers } from '../generated/resolvers';
import { encodeRunCursor } from '../model/runCursor';

export const PipelineRunConnection: PipelineRunConnectionResolvers = {
  edges: (page) => page.runs.map((run) => ({ node: run, cursor: encodeRunCursor(run) })),
  pageInfo: (page) => {
    const last = page.runs.at(-1);
    return { hasNextPage: page.hasNextPage, endCursor: last ? encodeRunCursor(last) : null };
  },
};
