import type { CheckRecord } from '../data/checkRecord';

/** The checks that apply to entities of a (lower-cased) kind. */
export function checksFor(checks: readonly CheckRecord[], kind: string): CheckRecord[] {
  return checks.filter((check) => check.appliesTo.includes(kind));
}
