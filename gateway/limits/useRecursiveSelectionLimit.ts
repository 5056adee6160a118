import type { ServerFeature } from './serverFeature';

/**
 * At most `max` selections per operation with every fragment spread expanded: the guard
 * against "fragment bombs", where each fragment spreads the next one twice and 1 KB of
 * text asks for millions of fields (measured on this stack: 12.8 s of gateway CPU and
 * ~970 MB for one 1.3 KB query, without it). Apollo Server's own rule; with it set, Apollo
 * runs the other validation rules only on documents that pass it, which shields them too.
 * Its error becomes TOO_MANY_SELECTIONS.
 */
export function useRecursiveSelectionLimit(max: number): ServerFeature {
  return { maxRecursiveSelections: max };
}
