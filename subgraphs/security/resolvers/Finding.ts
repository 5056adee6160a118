import type { FindingResolvers, FindingState, Severity } from '../generated/resolvers';

export const Finding: FindingResolvers = {
  package: (finding) => finding.packageName,
  severity: (finding) => finding.severity.toUpperCase() as Severity,
  state: (finding) => finding.state.toUpperCase() as FindingState,
  firstSeenAt: (finding) => finding.firstSeenAt.toISOString(),
  lastSeenAt: (finding) => finding.lastSeenAt.toISOString(),
  fixedAt: (finding) => finding.fixedAt?.toISOString() ?? null,
  dismissedAt: (finding) => finding.dismissedAt?.toISOString() ?? null,
};
