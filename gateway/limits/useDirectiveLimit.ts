import type { ASTNode, ValidationRule } from 'graphql';
import { limitError } from './limitError';
import type { ServerFeature } from './serverFeature';
import { sumExpanded } from './sumExpanded';

/**
 * At most `max` directive uses per operation, fragments expanded. Each `@include`/`@skip`
 * is work for the planner and the executor, and piles of them are a known way to make a
 * small document expensive.
 */
export function useDirectiveLimit(max: number): ServerFeature {
  const rule: ValidationRule = (context) => {
    const memo = new Map<string, number | null>();
    const directivesOn = (node: ASTNode) => ('directives' in node && node.directives ? node.directives.length : 0);
    return {
      OperationDefinition(operation) {
        const count =
          directivesOn(operation) + sumExpanded(operation.selectionSet, (name) => context.getFragment(name), directivesOn, memo);
        if (count > max) {
          context.reportError(limitError('TOO_MANY_DIRECTIVES', `The operation uses ${count} directives; at most ${max} are allowed`, operation));
        }
      },
    };
  };
  return { validationRules: [rule] };
}
