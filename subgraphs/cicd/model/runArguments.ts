import { InputError } from '../../../kit';
import type { RunsPageQuery } from '../data/findRunPages';
import { decodeRunCursor } from './runCursor';
import type { RunStatus } from './runStatus';

export const MAX_RUNS_PAGE = 100;
export const MAX_WINDOW_DAYS = 365;

export function checkRunsPage(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_RUNS_PAGE) {
    throw new InputError(`"first" must be between 1 and ${MAX_RUNS_PAGE}, got ${first}`);
  }
  return first;
}

export function checkWindowDays(window: number): number {
  if (!Number.isInteger(window) || window < 1 || window > MAX_WINDOW_DAYS) {
    throw new InputError(`"window" must be between 1 and ${MAX_WINDOW_DAYS} days, got ${window}`);
  }
  return window;
}

export interface RunsArguments {
  first?: number | null;
  after?: string | null;
  branch?: string | null;
  pipeline?: string | null;
  statuses?: readonly string[] | null;
}

/**
 * GraphQL arguments as a checked, normalized query. Absent and null become null alike, so
 * equal requests share one loader (and one SQL statement) within a response.
 */
export function runsPageQuery(args: RunsArguments): RunsPageQuery {
  return {
    first: checkRunsPage(args.first ?? 10),
    after: args.after ? decodeRunCursor(args.after) : null,
    branch: args.branch ?? null,
    pipeline: args.pipeline ?? null,
    statuses: args.statuses ? [...new Set(args.statuses.map((status) => status.toLowerCase() as RunStatus))].sort() : null,
  };
}
