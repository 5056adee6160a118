import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { SUMMARY_FIELDS } from '../data/entitySummary';
import { selectedFields } from './selectedFields';

// The answer depends only on the document, whose parsed form the server caches and reuses.
const answers = new WeakMap<FieldNode, boolean>();

/**
 * Whether a field's entities, found along `path` in its selection (`['edges', 'node']` for
 * a listing, nothing for a list of entities), are asked only for fields a summary row
 * answers (SUMMARY_FIELDS), looking through fragments and type conditions. `@skip` and
 * `@include` are read as "included": at worst a whole row is read that was not needed.
 */
export function asksOnlySummaryFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): boolean {
  const [first] = info.fieldNodes;
  const cacheable = info.fieldNodes.length === 1;
  const known = cacheable ? answers.get(first) : undefined;
  if (known !== undefined) return known;
  let nodeSelections: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) nodeSelections = nodeSelections.flatMap((field) => childFields(field.selectionSet, name, info.fragments));
  const answer = nodeSelections.every((node) => selectedFields(node.selectionSet, info.fragments).every((field) => SUMMARY_FIELDS.has(field.name.value)));
  if (cacheable) answers.set(first, answer);
  return answer;
}

function childFields(selectionSet: SelectionSetNode | undefined, name: string, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  return selectedFields(selectionSet, fragments).filter((field) => field.name.value === name);
}
