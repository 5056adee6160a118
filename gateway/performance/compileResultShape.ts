import type { FederationType, Operation, SelectionSet } from './apolloInternals';
import { isCompositeType, type GraphQLCompositeType, type GraphQLSchema } from 'graphql';

/**
 * What the client asked for, compiled once per query plan, so that shaping a subgraph's
 * answer into the client's answer is a walk over plain objects (applyResultShape.ts).
 * It is read from the same federation `Operation` that `@apollo/gateway`'s
 * `computeResponse` walks on every request, so the two agree on what is selected and in
 * which order (federation merges selections with the same key, e.g. two `... on T`,
 * at the first one's place).
 */
export interface ResultShape {
  /** The API schema as graphql-js sees it: runtime types are looked up there by `__typename`. */
  schema: GraphQLSchema;
  rootType: GraphQLCompositeType;
  selections: SelectionShape[];
  /** Default values of the operation's variables (`@skip`/`@include` read them). */
  variableDefaults: Record<string, unknown>;
}

export type SelectionShape = FieldShape | TypenameShape | FragmentShape;

/** `@skip(if: $v)` / `@include(if: $v)` on a selection: it is left out when `variables[v] === skipWhen`. */
export interface Condition {
  variable: string;
  skipWhen: boolean;
}

export interface FieldShape {
  kind: 'field';
  responseName: string;
  conditions: Condition[] | null;
  /** A field with a selection set merges into a value an earlier selection of the same name set. */
  hasSelections: boolean;
  value: ValueShape;
}

export interface TypenameShape {
  kind: 'typename';
  responseName: string;
  conditions: Condition[] | null;
}

export interface FragmentShape {
  kind: 'fragment';
  conditions: Condition[] | null;
  typeCondition: GraphQLCompositeType | null;
  selections: SelectionShape[];
  /** Whether the type condition holds, by runtime type: learnt as answers come in. */
  applies: Map<GraphQLCompositeType, boolean>;
}

export type ValueShape =
  | { kind: 'nonNull'; of: ValueShape }
  | { kind: 'list'; of: ValueShape }
  | { kind: 'object'; type: GraphQLCompositeType; selections: SelectionShape[] }
  | { kind: 'leaf'; isValid: ((value: unknown) => boolean) | null };

/** An operation the shape does not answer for: introspection, or a response name Object.prototype has. */
class UnsupportedOperation extends Error {}

/**
 * The shape of `operation`'s answer, or null when the operation needs what only the
 * gateway's full path does (introspection fields). `schema` is the same API schema as
 * graphql-js's `GraphQLSchema`.
 */
export function compileResultShape(schema: GraphQLSchema, operation: Operation): ResultShape | null {
  const rootType = schema.getRootType(operation.rootKind as never);
  if (!rootType) return null;
  try {
    return { schema, rootType, selections: compileSelections(schema, operation.selectionSet), variableDefaults: operation.collectDefaultedVariableValues() };
  } catch (error) {
    if (error instanceof UnsupportedOperation) return null;
    throw error;
  }
}

function compileSelections(schema: GraphQLSchema, selectionSet: SelectionSet): SelectionShape[] {
  const shapes: SelectionShape[] = [];
  for (const selection of selectionSet.selections()) {
    const conditions = compileConditions(selection.element.appliedDirectives);
    if (conditions === 'never') continue;
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      const responseName = field.responseName();
      // Answers are plain objects: a response name that Object.prototype already has
      // (`constructor`, `__proto__`, `toString`) would read as set before it is.
      if (field.definition.isSchemaIntrospectionField() || responseName in Object.prototype) throw new UnsupportedOperation(field.name);
      if (field.name === '__typename') {
        shapes.push({ kind: 'typename', responseName, conditions });
        continue;
      }
      const value = compileValue(schema, field.definition.type!, selection.selectionSet);
      shapes.push({ kind: 'field', responseName, conditions, hasSelections: !!selection.selectionSet, value });
      continue;
    }
    const condition = selection.element.typeCondition;
    const typeCondition = condition ? schema.getType(condition.name) : null;
    if (typeCondition !== null && !isCompositeType(typeCondition)) throw new UnsupportedOperation(`type condition ${condition?.name}`);
    shapes.push({ kind: 'fragment', conditions, typeCondition, selections: compileSelections(schema, selection.selectionSet), applies: new Map() });
  }
  return shapes;
}

function compileValue(schema: GraphQLSchema, type: FederationType, selectionSet: SelectionSet | undefined): ValueShape {
  if (type.kind === 'NonNullType') return { kind: 'nonNull', of: compileValue(schema, type.ofType, selectionSet) };
  if (type.kind === 'ListType') return { kind: 'list', of: compileValue(schema, type.ofType, selectionSet) };
  if (type.kind === 'ObjectType' || type.kind === 'InterfaceType' || type.kind === 'UnionType') {
    const named = schema.getType(type.name);
    if (!selectionSet || !named || !isCompositeType(named)) throw new UnsupportedOperation(type.name);
    return { kind: 'object', type: named, selections: compileSelections(schema, selectionSet) };
  }
  if (type.kind === 'EnumType') {
    const values = new Set(type.values.map((value) => value.name));
    return { kind: 'leaf', isValid: (value) => typeof value === 'string' && values.has(value) };
  }
  if (type.kind === 'ScalarType') return { kind: 'leaf', isValid: scalarCheck(type.name) };
  throw new UnsupportedOperation(`output type ${type.kind}`);
}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** Which values of a scalar the gateway lets through (federation's `isValidLeafValue`): custom scalars take anything. */
function scalarCheck(name: string): ((value: unknown) => boolean) | null {
  switch (name) {
    case 'Boolean':
      return (value) => typeof value === 'boolean';
    case 'Int':
      return (value) => typeof value === 'number' && Number.isFinite(value) && INTEGER.test(String(value));
    case 'ID':
      return (value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value) && INTEGER.test(String(value)));
    case 'Float':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'String':
      return (value) => typeof value === 'string';
    default:
      return null;
  }
}

/** `@skip`/`@include` of a selection: null when none, 'never' when a literal leaves it out. */
function compileConditions(directives: readonly { name: string; arguments(): Record<string, unknown> }[]): Condition[] | null | 'never' {
  let conditions: Condition[] | null = null;
  for (const directive of directives) {
    if (directive.name !== 'skip' && directive.name !== 'include') continue;
    const argument = directive.arguments().if;
    const skipWhen = directive.name === 'skip';
    if (typeof argument === 'boolean') {
      if (argument === skipWhen) return 'never';
      continue;
    }
    const variable = (argument as { name?: unknown } | null)?.name;
    if (typeof variable !== 'string') throw new UnsupportedOperation(`@${directive.name} argument`);
    (conditions ??= []).push({ variable, skipWhen });
  }
  return conditions;
}
