import { InputError } from '../../../kit';
import type { FindingFilter } from '../data/findingFilter';
import type { FindingOrder, FindingState, Severity } from '../generated/resolvers';

export const MAX_FINDINGS_PAGE = 100;

/** The arguments of a findings list, as GraphQL gives them. */
export interface FindingListArgs {
  state?: FindingState | null;
  severity?: Severity[] | null;
  orderBy?: FindingOrder | null;
  first?: number | null;
}

/** Checks a list's arguments and turns them into the filter the data layer takes. */
export function toFindingFilter(args: FindingListArgs): FindingFilter {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FINDINGS_PAGE) {
    throw new InputError(`"first" must be between 1 and ${MAX_FINDINGS_PAGE}, got ${first}`);
  }
  return {
    // An explicit null state means every state; an absent one gets the schema's default, OPEN.
    state: args.state ? (args.state.toLowerCase() as FindingFilter['state']) : null,
    severities: args.severity ? [...new Set(args.severity.map((severity) => severity.toLowerCase() as Lowercase<Severity>))] : null,
    order: args.orderBy === 'NEWEST' ? 'newest' : 'severity',
    first,
  };
}
