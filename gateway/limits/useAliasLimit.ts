import { Kind, type ValidationRule } from 'graphql';
import { limitError } from './limitError';
import type { ServerFeature } from './serverFeature';
import { sumExpanded } from './sumExpanded';

/**
 * At most `max` aliases per operation, fragments expanded. Aliases let one request ask
 * for the same expensive field many times over (`a1: entity(...) a2: entity(...)`).
 */
export function useAliasLimit(max: number): ServerFeature {
  const rule: ValidationRule = (context) => {
    const memo = new Map<string, number | null>();
    return {
      OperationDefinition(operation) {
        const count = sumExpanded(
          operation.selectionSet,
          (name) => context.getFragment(name),
          (node) => (node.kind === Kind.FIELD && node.alias ? 1 : 0),
          memo,
        );
        if (count > max) {
          context.reportError(limitError('TOO_MANY_ALIASES', `The operation uses ${count} aliases; at most ${max} are allowed`, operation));
        }
      },
    };
  };
  return { validationRules: [rule] };
}
