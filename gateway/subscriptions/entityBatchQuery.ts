import {
  GraphQLError,
  Kind,
  print,
  visit,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/** The most events resolved by one batch query (the catalog's `entitiesByRefs` takes 500). */
export const MAX_BATCH_REFS = 100;

/**
 * How one subscriber's batch of events becomes one federated query: which of the batch's
 * refs it may see and its filter matches (`entities`), and the `entity { ... }` selections
 * of its subscription (under each response key, fragments and variables kept) asked of
 * `entitiesByRefs(refs:)`, so every subgraph's fields are planned as for any query.
 */
export interface EntityBatchQuery {
  /** The query text, run as the subscriber. */
  query: string;
  /** `entity` response key → the alias that query reads it under. */
  aliases: Map<string, string>;
  /** The subscription's own variables that the selections use. */
  variables: Record<string, unknown>;
}

const REFS_VARIABLE = 'ensembleRefs';
const VISIBLE_VARIABLE = 'ensembleVisible';

/**
 * Builds the batch query for the root field `entityChanged` of `operation`. `variables` are
 * the subscription's (coerced) variable values.
 */
export function entityBatchQuery(
  operation: OperationDefinitionNode,
  rootField: FieldNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): EntityBatchQuery {
  const byKey = new Map<string, SelectionNode[]>();
  collectEntityFields(rootField.selectionSet, fragments, byKey, new Set());
  const aliases = new Map<string, string>();
  const fields: string[] = [];
  const usedFragments = new Set<string>();
  const usedVariables = new Set<string>();
  [...byKey].forEach(([key, selections], index) => {
    const alias = `entity${index}`;
    aliases.set(key, alias);
    const selectionSet = withTypenames({ kind: Kind.SELECTION_SET, selections });
    collectUses(selectionSet, fragments, usedFragments, usedVariables);
    fields.push(`${alias}: entitiesByRefs(refs: $${REFS_VARIABLE}) ${print(selectionSet)}`);
  });
  for (const reserved of [REFS_VARIABLE, VISIBLE_VARIABLE]) {
    if (usedVariables.has(reserved)) throw new GraphQLError(`The variable name $${reserved} is reserved`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const definitions = (operation.variableDefinitions ?? []).filter((definition) => usedVariables.has(definition.variable.name.value));
  const query = [
    `query EntityChangedBatch($${REFS_VARIABLE}: [ID!]!, $${VISIBLE_VARIABLE}: EntityFilter!${definitions.map((definition) => `, ${print(definition)}`).join('')}) {`,
    // Which of the refs the subscriber may see and its filter matches: the catalog decides both.
    `${VISIBLE_VARIABLE}: entities(filter: $${VISIBLE_VARIABLE}, first: ${MAX_BATCH_REFS}) { edges { node { ref } } }`,
    ...fields,
    '}',
    ...[...usedFragments].map((name) => print(withTypenames(fragments[name]))),
  ].join('\n');
  const used = Object.fromEntries(definitions.map((definition) => definition.variable.name.value).filter((name) => name in variables).map((name) => [name, variables[name]]));
  return { query, aliases, variables: used };
}

/** The variables for one batch: its distinct refs, and the subscription's filter narrowed to them. */
export function batchVariables(batch: EntityBatchQuery, refs: string[], filter: unknown): Record<string, unknown> {
  const onlyTheseRefs = { field: [{ field: 'ref', values: refs }] };
  return { ...batch.variables, [REFS_VARIABLE]: refs, [VISIBLE_VARIABLE]: filter ? { and: [filter, onlyTheseRefs] } : onlyTheseRefs };
}

/** The refs of a batch result that the subscriber may see (and its filter matches). */
export function visibleRefs(data: Record<string, unknown> | null | undefined): Set<string> {
  const connection = data?.[VISIBLE_VARIABLE] as { edges?: { node?: { ref?: string } }[] } | null | undefined;
  return new Set((connection?.edges ?? []).map((edge) => edge.node?.ref).filter((ref): ref is string => typeof ref === 'string'));
}

/** The `entity` fields under `EntityChange`, by response key, through fragments on it. */
function collectEntityFields(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  byKey: Map<string, SelectionNode[]>,
  visited: Set<string>,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== 'entity') continue;
      const key = selection.alias?.value ?? selection.name.value;
      byKey.set(key, [...(byKey.get(key) ?? []), ...(selection.selectionSet?.selections ?? [])]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectEntityFields(selection.selectionSet, fragments, byKey, visited);
    } else if (!visited.has(selection.name.value)) {
      visited.add(selection.name.value);
      collectEntityFields(fragments[selection.name.value]?.selectionSet, fragments, byKey, visited);
    }
  }
}

/** The fragments (transitively) and variables a selection uses. */
function collectUses(
  node: SelectionSetNode | FragmentDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  usedFragments: Set<string>,
  usedVariables: Set<string>,
): void {
  visit(node, {
    Variable: (variable) => void usedVariables.add(variable.name.value),
    FragmentSpread: (spread) => {
      const name = spread.name.value;
      if (usedFragments.has(name) || !fragments[name]) return;
      usedFragments.add(name);
      collectUses(fragments[name], fragments, usedFragments, usedVariables);
    },
  });
}

/**
 * Asks `__typename` in every selection set, so that the subscription's own execution can
 * tell each object's concrete type (Entity is an interface) from the fetched data.
 */
function withTypenames<Node extends SelectionSetNode | FragmentDefinitionNode>(node: Node): Node {
  return visit(node, {
    SelectionSet: (set: SelectionSetNode) =>
      set.selections.some((selection) => selection.kind === Kind.FIELD && !selection.alias && selection.name.value === '__typename')
        ? undefined
        : { ...set, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }, ...set.selections] },
  }) as Node;
}
