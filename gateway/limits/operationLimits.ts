import type { CostOptions } from './operationCost';
import type { ServerFeature } from './serverFeature';
import { useAliasLimit } from './useAliasLimit';
import { useCostLimit } from './useCostLimit';
import { useDepthLimit } from './useDepthLimit';
import { useDirectiveLimit } from './useDirectiveLimit';
import { useRecursiveSelectionLimit } from './useRecursiveSelectionLimit';
import { useOperationSelection } from './useOperationSelection';
import { useTokenLimit } from './useTokenLimit';

/** How big an operation the gateway accepts. Every limit is per operation. */
export interface OperationLimits {
  /** Lexical tokens in the document (TOO_MANY_TOKENS). */
  maxTokens: number;
  /** Selections with fragments expanded (TOO_MANY_SELECTIONS). */
  maxSelections: number;
  /** Levels of nested fields, fragments expanded (OPERATION_TOO_DEEP). */
  maxDepth: number;
  /** Aliases, fragments expanded (TOO_MANY_ALIASES). */
  maxAliases: number;
  /** Directive uses, fragments expanded (TOO_MANY_DIRECTIVES). */
  maxDirectives: number;
  /** Cost with list sizes counted, see operationCost (OPERATION_TOO_COMPLEX). */
  maxCost: number;
  /** How many items an unsized list is assumed to hold, for the cost. */
  assumedListSize: number;
}

/**
 * Roomy for what the portal asks (an entity page costs about 80 and is 3 deep; a
 * 100-row catalog page with each row's latest runs costs about 2,500), far below what
 * hurts the gateway.
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxTokens: 5_000,
  maxSelections: 5_000,
  maxDepth: 10,
  maxAliases: 30,
  maxDirectives: 30,
  maxCost: 10_000,
  assumedListSize: 10,
};

/** Every operation limit, as features for Apollo Server. */
export function useOperationLimits(limits: Partial<OperationLimits> = {}, cost: Omit<CostOptions, 'assumedListSize'> = {}): ServerFeature[] {
  const chosen = { ...DEFAULT_OPERATION_LIMITS, ...limits };
  return [
    useOperationSelection(),
    useTokenLimit(chosen.maxTokens),
    useRecursiveSelectionLimit(chosen.maxSelections),
    useDepthLimit(chosen.maxDepth),
    useAliasLimit(chosen.maxAliases),
    useDirectiveLimit(chosen.maxDirectives),
    useCostLimit(chosen.maxCost, { ...cost, assumedListSize: chosen.assumedListSize }),
  ];
}
