import type { PrismaClient } from '../../prisma/scorecards/generated/client';
import type { GraphClient } from './graph/graphClient';

/** What the scorecards subgraph holds for its lifetime. */
export interface ScorecardsServices {
  prisma: PrismaClient;
  /** How it reads facts from the rest of the graph: through the gateway. */
  graph: GraphClient;
  /** The branch whose CI runs decide "CI passing on the default branch". */
  defaultBranch: string;
}
