import DataLoader from 'dataloader';
import { requestScoped } from '../../kit';
import type { ScorecardsContext } from './context';
import { callerGraph } from './graph/callerGraph';
import type { CheckRecord } from './data/checkRecord';
import { listChecks } from './data/listChecks';
import type { ScorecardRecord } from './model/scorecardRecord';
import { scoreEntities } from './scoring/scoreEntities';

/** `entitiesByRefs` takes at most 500 refs: a bigger batch becomes several requests, sent together. */
const REFS_PER_REQUEST = 500;

/**
 * Per request: the checks are read once (one SQL query), and the scorecards of every
 * entity in the response are computed from ONE facts request to the gateway per 500
 * entities, whatever the number of entities the gateway sent.
 */
export const scorecardsLoaders = requestScoped((context: ScorecardsContext) => {
  let checks: Promise<CheckRecord[]> | undefined;
  const allChecks = () => (checks ??= listChecks(context.prisma));
  return {
    checks: allChecks,
    scorecards: new DataLoader<string, ScorecardRecord | null>(
      async (refs) => scoreEntities(callerGraph(context), await allChecks(), refs, { defaultBranch: context.defaultBranch }),
      { maxBatchSize: REFS_PER_REQUEST },
    ),
  };
});
