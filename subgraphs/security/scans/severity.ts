import { InputError } from '../../../kit';

/** npm audit's severity scale, most severe first: the order every list and rank uses. */
export const SEVERITIES = ['critical', 'high', 'moderate', 'low', 'info'] as const;

export type Severity = (typeof SEVERITIES)[number];

/** Bigger is worse: critical 4 ... info 0. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}

/** Reads a severity as scanners write it (any case; `medium` is npm's `moderate`); `where` names the field in the error. */
export function parseSeverity(value: unknown, where: string): Severity {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const severity = text === 'medium' ? 'moderate' : text;
  if ((SEVERITIES as readonly string[]).includes(severity)) return severity as Severity;
  throw new InputError(`${where}: unknown severity ${JSON.stringify(value)}; expected one of ${SEVERITIES.join(', ')}`);
}

/**
 * A CVSS-style score (SARIF's `security-severity`, 0 to 10), banded as GitHub code
 * scanning bands it (9.0+ critical, 7.0+ high, 4.0+ medium, below that low), except that
 * 0.0 is CVSS's "none", which we call info rather than low.
 */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'moderate';
  if (score > 0) return 'low';
  return 'info';
}

/** The levels a SARIF result may have (SARIF 2.1.0 §3.27.10). */
export const SARIF_LEVELS = ['error', 'warning', 'note', 'none'] as const;
export type SarifLevel = (typeof SARIF_LEVELS)[number];

/**
 * A SARIF level, for results whose rule gives no `security-severity`. The level says how
 * sure and how loud the tool is, not how bad the hole is, so this is a fallback only:
 * an error reads as high (not critical, which only a score can claim).
 */
export function severityFromSarifLevel(level: SarifLevel): Severity {
  return ({ error: 'high', warning: 'moderate', note: 'low', none: 'info' } as const)[level];
}
