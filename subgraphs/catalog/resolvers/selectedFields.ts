import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields of a selection set, with those of its inline fragments and fragment spreads. */
export function selectedFields(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  if (!selectionSet) return [];
  return selectionSet.selections.flatMap((selection): FieldNode[] => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectedFields(selection.selectionSet, fragments);
    return selectedFields(fragments[selection.name.value]?.selectionSet, fragments);
  });
}

/**
 * Whether the field being resolved is asked for its sub-field `name` (directly or through
 * fragments), so a resolver can read it along with its own data. `@skip` and `@include`
 * are read as "included": at worst something is read that was not needed.
 */
export function selectsField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  return info.fieldNodes.some((node) => selectedFields(node.selectionSet, info.fragments).some((field) => field.name.value === name));
}
