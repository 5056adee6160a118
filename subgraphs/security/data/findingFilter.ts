import type { Severity } from '../scans/severity';

/** Which of an entity's findings a list shows, and in what order. */
export interface FindingFilter {
  /** null: every state. */
  state: 'open' | 'fixed' | 'dismissed' | null;
  /** null: every severity. */
  severities: Severity[] | null;
  order: 'severity' | 'newest';
  first: number;
}

/** Equal filters give equal keys, so one request asking twice shares one loader. */
export function filterKey(filter: FindingFilter): string {
  return JSON.stringify([filter.state, filter.severities && [...filter.severities].sort(), filter.order, filter.first]);
}
