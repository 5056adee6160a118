import { CHECK_LEVELS, levelRank, type CheckLevel } from './checkLevels';
import type { CheckResultRecord } from './scorecardRecord';

export interface LevelStanding {
  level: CheckLevel | null;
  nextLevel: CheckLevel | null;
  blockedBy: CheckResultRecord[];
  certain: boolean;
}

/**
 * Where an entity stands on the ladder: the highest level whose checks, and those of
 * every level below, all pass. Levels with no check for the entity are skipped (an API
 * with only bronze checks tops out at bronze). UNKNOWN is not FAIL, but it is not PASS
 * either: it blocks its level, and the standing is then not `certain`.
 */
export function scorecardLevel(results: readonly CheckResultRecord[]): LevelStanding {
  const ladder = CHECK_LEVELS.filter((level) => results.some((result) => result.check.level === level));
  let level: CheckLevel | null = null;
  for (const step of ladder) {
    const blockedBy = results.filter((result) => result.check.level === step && result.status !== 'PASS');
    if (blockedBy.length) {
      return { level, nextLevel: step, blockedBy, certain: blockedBy.some((result) => result.status === 'FAIL') };
    }
    level = step;
  }
  return { level, nextLevel: null, blockedBy: [], certain: true };
}

/** Results in the order people read them: by level, lowest first, then by check id. */
export function byLevelThenId(a: CheckResultRecord, b: CheckResultRecord): number {
  return levelRank(a.check.level) - levelRank(b.check.level) || (a.check.id < b.check.id ? -1 : a.check.id > b.check.id ? 1 : 0);
}
