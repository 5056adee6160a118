import { Kind, type ASTNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Sums `countOf` over every selection (field, inline fragment, fragment spread) a
 * selection set makes, with each named fragment counted once per spread, as execution
 * would expand it. Fragment totals are memoised in `memo`, so a fragment that spreads
 * another twice, ten levels deep, costs ten steps rather than a thousand; a fragment
 * cycle counts as 0 (graphql's NoFragmentCycles reports it).
 */
export function sumExpanded(
  selectionSet: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | undefined | null,
  countOf: (node: ASTNode) => number,
  memo: Map<string, number | null> = new Map(),
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    total += countOf(selection);
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      total += fragmentTotal(selection.name.value, fragment, countOf, memo);
    } else if (selection.selectionSet) {
      total += sumExpanded(selection.selectionSet, fragment, countOf, memo);
    }
  }
  return total;
}

function fragmentTotal(
  name: string,
  fragment: (name: string) => FragmentDefinitionNode | undefined | null,
  countOf: (node: ASTNode) => number,
  memo: Map<string, number | null>,
): number {
  if (memo.has(name)) return memo.get(name) ?? 0;
  const definition = fragment(name);
  if (!definition) return 0;
  memo.set(name, null);
  const total = countOf(definition) + sumExpanded(definition.selectionSet, fragment, countOf, memo);
  memo.set(name, total);
  return total;
}
