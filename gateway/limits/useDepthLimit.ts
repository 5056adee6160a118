import { Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { limitError } from './limitError';
import type { ServerFeature } from './serverFeature';

/** Introspection is as deep as the type system, not the data: tools need it whole. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * At most `max` levels of nested fields per operation, counted through fragments as if
 * they were written inline (`{ entity { owner { name } } }` is 3 deep). Cyclic relations
 * (`relations { target { relations { target ...` ) otherwise let one query walk the whole
 * catalog graph.
 */
export function useDepthLimit(max: number): ServerFeature {
  const rule: ValidationRule = (context) => {
    const memo = new Map<string, number | null>();
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, (name) => context.getFragment(name), memo);
        if (depth > max) {
          context.reportError(limitError('OPERATION_TOO_DEEP', `The operation is ${depth} levels deep; at most ${max} are allowed`, operation));
        }
      },
    };
  };
  return { validationRules: [rule] };
}

/** Depth of a selection set with fragments expanded; each fragment's depth is worked out once. */
export function depthOf(
  selectionSet: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | undefined | null,
  memo: Map<string, number | null> = new Map(),
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      const nested = INTROSPECTION_ROOTS.has(selection.name.value) ? undefined : selection.selectionSet;
      depth = 1 + (nested ? depthOf(nested, fragment, memo) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = depthOf(selection.selectionSet, fragment, memo);
    } else {
      const name = selection.name.value;
      if (!memo.has(name)) {
        const definition = fragment(name);
        memo.set(name, null);
        memo.set(name, definition ? depthOf(definition.selectionSet, fragment, memo) : 0);
      }
      depth = memo.get(name) ?? 0;
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}
