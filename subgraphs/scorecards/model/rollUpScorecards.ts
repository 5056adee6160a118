import type { CheckRecord } from '../data/checkRecord';
import { CHECK_LEVELS, type CheckLevel } from './checkLevels';
import type { ScorecardRecord } from './scorecardRecord';

export type Grouping = 'OWNER' | 'SYSTEM';

/** One check summed over a group's entities it applies to. */
export interface CheckRollupRecord {
  check: CheckRecord;
  passed: number;
  failed: number;
  unknown: number;
}

/** Scorecards summed over one owner's or one system's entities. */
export interface RollupRecord {
  groupRef: string | null;
  entityCount: number;
  levels: { level: CheckLevel | null; count: number }[];
  checks: CheckRollupRecord[];
  passRate: number | null;
}

/**
 * Sums scorecards per owner or per system: levels reached, each check's passes, fails
 * and unknowns, and the pass rate over decided results (UNKNOWN counts neither way).
 * Groups by ref, the group of entities without one last; checks in `checks` order.
 */
export function rollUpScorecards(scorecards: readonly ScorecardRecord[], groupBy: Grouping, checks: readonly CheckRecord[]): RollupRecord[] {
  const groups = new Map<string | null, ScorecardRecord[]>();
  for (const card of scorecards) {
    const key = groupBy === 'OWNER' ? card.owner : card.system;
    groups.set(key, [...(groups.get(key) ?? []), card]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((groupRef) => summarize(groupRef, groups.get(groupRef)!, checks));
}

function summarize(groupRef: string | null, cards: readonly ScorecardRecord[], checks: readonly CheckRecord[]): RollupRecord {
  const levels = [null, ...CHECK_LEVELS].map((level) => ({ level, count: cards.filter((card) => card.level === level).length }));
  const perCheck = new Map<string, CheckRollupRecord>();
  for (const card of cards) {
    for (const result of card.results) {
      const sum = perCheck.get(result.check.id) ?? { check: result.check, passed: 0, failed: 0, unknown: 0 };
      if (result.status === 'PASS') sum.passed += 1;
      else if (result.status === 'FAIL') sum.failed += 1;
      else sum.unknown += 1;
      perCheck.set(result.check.id, sum);
    }
  }
  const ordered = checks.map((check) => perCheck.get(check.id)).filter((sum): sum is CheckRollupRecord => sum !== undefined);
  const passed = ordered.reduce((total, sum) => total + sum.passed, 0);
  const decided = passed + ordered.reduce((total, sum) => total + sum.failed, 0);
  return { groupRef, entityCount: cards.length, levels, checks: ordered, passRate: decided ? passed / decided : null };
}
