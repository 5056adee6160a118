import type { CheckRecord } from '../data/checkRecord';
import type { CheckLevel } from './checkLevels';

/** PASS, FAIL or UNKNOWN, as the schema's `CheckStatus`. */
export type CheckStatus = 'PASS' | 'FAIL' | 'UNKNOWN';

/** What one check found for one entity, and why. */
export interface CheckResultRecord {
  check: CheckRecord;
  status: CheckStatus;
  reason: string;
}

/** An entity's scorecard, as computed (never stored). */
export interface ScorecardRecord {
  ref: string;
  /** The owner's ref as the catalog gave it, for roll-ups; null when none, or when it could not be read. */
  owner: string | null;
  /** The system's ref, likewise. */
  system: string | null;
  level: CheckLevel | null;
  nextLevel: CheckLevel | null;
  blockedBy: CheckResultRecord[];
  certain: boolean;
  results: CheckResultRecord[];
  evaluatedAt: Date;
}
