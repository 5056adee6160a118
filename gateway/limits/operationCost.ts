import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface CostOptions {
  /** Arguments that say how many items a field returns. Default `first`, `last`. */
  sizeArguments?: string[];
  /** How many items a list field without a size argument is assumed to hold. Default 10. */
  assumedListSize?: number;
}

const DEFAULT_SIZE_ARGUMENTS = ['first', 'last'];

/**
 * What an operation would cost to run, counting list sizes: every field costs 1, plus
 * its selections times the number of items it returns. That number is its `first`
 * (or `last`) argument, from the query, its variables or the schema's default; for a
 * list without one, `assumedListSize`, except directly under a field that had one (a
 * connection's `edges`, whose size the connection's `first` already counted).
 *
 * `entities(first: 100) { edges { node { ref latestRuns { status } } } }` costs
 * 1 + 100 × (edges 1 + (node 1 + (ref 1 + latestRuns (1 + 10 × status 1)))) = 1,401.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
  options: CostOptions = {},
): number {
  const sizeArguments = options.sizeArguments ?? DEFAULT_SIZE_ARGUMENTS;
  const assumedListSize = options.assumedListSize ?? 10;
  const memo = new Map<string, number>();

  const costOf = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, underSizedField: boolean): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const fieldName = selection.name.value;
        const definition =
          !fieldName.startsWith('__') && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[fieldName] : undefined;
        if (!definition || !selection.selectionSet) {
          total += 1;
          continue;
        }
        const size = sizeOf(definition, selection);
        const isList = isListType(getNullableType(definition.type));
        const factor = size ?? (isList && !underSizedField ? assumedListSize : 1);
        total += 1 + factor * costOf(selection.selectionSet, getNamedType(definition.type), size !== undefined);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        total += costOf(selection.selectionSet, type ?? undefined, underSizedField);
      } else {
        const key = `${selection.name.value}:${underSizedField}`;
        const fragment = fragments[selection.name.value];
        if (!memo.has(key) && fragment) {
          memo.set(key, 0); // a cycle counts as nothing; validation reports it
          memo.set(key, costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, underSizedField));
        }
        total += memo.get(key) ?? 0;
      }
    }
    return total;
  };

  const sizeOf = (definition: Parameters<typeof getArgumentValues>[0], field: Parameters<typeof getArgumentValues>[1]): number | undefined => {
    if (!definition.args.some((argument) => sizeArguments.includes(argument.name))) return undefined;
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(definition, field, variables);
    } catch {
      return undefined; // bad arguments fail at execution with their own error
    }
    const sizes = sizeArguments.map((name) => values[name]).filter((value): value is number => typeof value === 'number');
    return sizes.length ? Math.max(0, ...sizes) : undefined;
  };

  const rootType = schema.getRootType(operation.operation) ?? undefined;
  return costOf(operation.selectionSet, rootType, false);
}

/**
 * Whether the cost of these definitions can change with the request's variables: only
 * when a size argument takes one (`first: $n`); every other input to the cost is in the
 * document or the schema. (Conservative: any field argument with a size argument's name
 * counts.) A plain walk, not `visit`: it runs for every new document.
 */
export function costReadsVariables(definitions: readonly (OperationDefinitionNode | FragmentDefinitionNode)[], options: Pick<CostOptions, 'sizeArguments'> = {}): boolean {
  const sizeArguments = options.sizeArguments ?? DEFAULT_SIZE_ARGUMENTS;
  const reads = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some((selection) => {
      if (selection.kind === Kind.FRAGMENT_SPREAD) return false;
      if (selection.kind === Kind.FIELD && selection.arguments?.some((argument) => sizeArguments.includes(argument.name.value) && holdsVariable(argument.value))) return true;
      return selection.selectionSet ? reads(selection.selectionSet) : false;
    });
  return definitions.some((definition) => reads(definition.selectionSet));
}
function holdsVariable(value: ValueNode): boolean {
  if (value.kind === Kind.VARIABLE) return true;
  if (value.kind === Kind.LIST) return value.values.some(holdsVariable);
  if (value.kind === Kind.OBJECT) return value.fields.some((field) => holdsVariable(field.value));
  return false;
}
