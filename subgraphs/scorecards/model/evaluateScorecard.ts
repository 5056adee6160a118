import type { CheckRecord } from '../data/checkRecord';
import type { EntityFacts } from '../facts/entityFacts';
import { evaluateCheck } from './evaluateCheck';
import { byLevelThenId, scorecardLevel } from './scorecardLevel';
import type { ScorecardRecord } from './scorecardRecord';

/** One entity's scorecard from the checks that apply to its kind and its facts; null when no check applies. */
export function evaluateScorecard(checks: readonly CheckRecord[], facts: EntityFacts, evaluatedAt: Date): ScorecardRecord | null {
  if (checks.length === 0) return null;
  const results = checks.map((check) => evaluateCheck(check, facts)).sort(byLevelThenId);
  const owner = facts.owner.known ? (facts.owner.value?.ref ?? null) : null;
  const system = facts.system.known ? facts.system.value : null;
  return { ref: facts.ref, owner, system, ...scorecardLevel(results), results, evaluatedAt };
}
