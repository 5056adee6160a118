import { severityRank, type Severity } from './severity';

/** One finding as a scan reports it, before it meets what is stored. */
export interface ScannedFinding {
  /** What makes it the same finding in the scanner's next report. */
  fingerprint: string;
  advisoryId: string;
  packageName: string | null;
  installedVersion: string | null;
  vulnerableRange: string | null;
  fixedVersion: string | null;
  severity: Severity;
  title: string;
  url: string | null;
  location: string | null;
}

/** A parsed scanner report: which scanner, and everything it found (nothing found is an empty list). */
export interface ParsedScan {
  scanner: string;
  findings: ScannedFinding[];
}

/**
 * One finding per fingerprint: a report can name one advisory twice (npm lists an
 * advisory under each package it reaches through; SARIF repeats a result per location),
 * and the stored finding must be one row. The most severe report wins.
 */
export function uniqueFindings(findings: ScannedFinding[]): ScannedFinding[] {
  const byFingerprint = new Map<string, ScannedFinding>();
  for (const finding of findings) {
    const known = byFingerprint.get(finding.fingerprint);
    if (!known || severityRank(finding.severity) > severityRank(known.severity)) byFingerprint.set(finding.fingerprint, finding);
  }
  return [...byFingerprint.values()];
}
