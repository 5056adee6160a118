import {
  Kind,
  TypeInfo,
  print,
  visit,
  visitWithTypeInfo,
  valueFromASTUntyped,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
  type ValueNode,
  type VariableDefinitionNode,
  parseType,
} from 'graphql';

/** A document whose field-argument literals became variables, with their values. */
export interface HoistedDocument {
  document: DocumentNode;
  /** The hoisted document, printed: the same for every request that differs only in literal values. */
  text: string;
  values: Record<string, unknown>;
  /** Each hoisted argument as it stood in the document given, with its variable's name and type. */
  hoisted: HoistedArgument[];
}

export interface HoistedArgument {
  variable: string;
  argument: ArgumentNode;
  type: GraphQLInputType;
}

const PREFIX = '__lit';

/**
 * Rewrites `entity(ref: "component:a")` as `entity(ref: $__lit0)` with
 * `{ __lit0: "component:a" }`, so operations that differ only in literal values (scripts
 * that inline them, generated queries) share one query plan. Only field arguments whose
 * value holds no variable, and whose numbers read back as written, are hoisted; directive arguments (`@include(if: true)`) stay,
 * since the planner reads them. Null when there is nothing to hoist, or the document
 * holds several operations (which one runs is decided later).
 */
export function hoistLiterals(schema: GraphQLSchema, document: DocumentNode): HoistedDocument | null {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) return null;
  const typeInfo = new TypeInfo(schema);
  const values: Record<string, unknown> = {};
  const definitions: VariableDefinitionNode[] = [];
  const hoisted: HoistedArgument[] = [];
  let directiveDepth = 0;
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Directive: { enter: () => void directiveDepth++, leave: () => void directiveDepth-- },
      Argument: (node: ArgumentNode) => {
        const argument = typeInfo.getArgument();
        if (directiveDepth > 0 || !argument || !isHoistable(node.value)) return undefined;
        const name = `${PREFIX}${definitions.length}`;
        values[name] = valueFromASTUntyped(node.value);
        hoisted.push({ variable: name, argument: node, type: argument.type });
        definitions.push({
          kind: Kind.VARIABLE_DEFINITION,
          variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } },
          type: parseType(String(argument.type), { noLocation: true }) as TypeNode,
        });
        return { ...node, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } } };
      },
    }),
  );
  if (definitions.length === 0) return null;
  const withVariables: DocumentNode = {
    ...rewritten,
    definitions: rewritten.definitions.map((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION
        ? { ...definition, variableDefinitions: [...(definition.variableDefinitions ?? []), ...definitions] }
        : definition,
    ),
  };
  return { document: withVariables, text: print(withVariables), values, hoisted };
}

/**
 * A literal that means the same as a variable: it holds no variable, and every number in
 * it reads back as written (`valueFromASTUntyped` reads 2^53+1 as another number, and
 * 1e400 as Infinity, which no Float variable accepts).
 */
function isHoistable(value: ValueNode): boolean {
  switch (value.kind) {
    case Kind.VARIABLE:
      return false;
    case Kind.LIST:
      return value.values.every(isHoistable);
    case Kind.OBJECT:
      return value.fields.every((field) => isHoistable(field.value));
    case Kind.INT:
      return isFaithfulInt(value.value);
    case Kind.FLOAT:
      return Number.isFinite(parseFloat(value.value));
    default:
      return true;
  }
}

/** An integer literal that `parseInt` reads back exactly (`-0` and 2^53+1 do not). */
export function isFaithfulInt(literal: string): boolean {
  return String(parseInt(literal, 10)) === literal;
}
