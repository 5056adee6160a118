import type { ScorecardsContext } from '../context';
import { callerGraph } from '../graph/callerGraph';
import { listEntityRefs } from '../graph/listEntityRefs';
import { scorecardsLoaders } from '../loaders';
import { rollUpScorecards, type Grouping, type RollupRecord } from '../model/rollUpScorecards';
import type { ScorecardRecord } from '../model/scorecardRecord';

/** The most entities one roll-up scores: beyond, the caller narrows by kind. */
export const MAX_ROLLUP_ENTITIES = 10_000;

/**
 * A roll-up, computed now: the refs of every entity of the kinds some check applies to
 * (from the catalog, through the gateway, 500 per request), their scorecards (the same
 * loader as `Entity.scorecard`: one facts request per 500), summed per owner or system.
 */
export async function scoreCatalog(context: ScorecardsContext, groupBy: Grouping, kinds: readonly string[] | null): Promise<RollupRecord[]> {
  const loaders = scorecardsLoaders(context);
  const checks = await loaders.checks();
  const checkedKinds = new Set(checks.flatMap((check) => check.appliesTo));
  const wanted = kinds ? [...new Set(kinds.map((kind) => kind.toLowerCase()))].filter((kind) => checkedKinds.has(kind)) : [...checkedKinds];
  if (wanted.length === 0) return [];
  const refs = await listEntityRefs(callerGraph(context), wanted.sort(), MAX_ROLLUP_ENTITIES);
  const scorecards = await loaders.scorecards.loadMany(refs);
  const failed = scorecards.find((card): card is Error => card instanceof Error);
  if (failed) throw failed;
  return rollUpScorecards(scorecards.filter((card): card is ScorecardRecord => card !== null && !(card instanceof Error)), groupBy, checks);
}
