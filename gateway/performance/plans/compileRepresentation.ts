import { deepMerge, getResponseName, type FetchDataRewrite, type QueryPlanSelectionNode } from '../apolloInternals';
import type { GraphQLSchema } from 'graphql';
import { typeConditionMatcher, type TypeConditionMatcher } from './typeConditionMatcher';

/** One entity's representation, as the gateway would send it; null when the gateway would leave the entity out. */
export type RepresentationBuilder = (entity: unknown) => Record<string, unknown> | null;

type Selection =
  | { kind: 'field'; responseName: string; selections: Selection[] | null }
  | { kind: 'fragment'; matches: TypeConditionMatcher; selections: Selection[] };

/** A `ValueSetter` input rewrite on the representation itself (`... on Entity` → `__typename: "Entity"` for `@interfaceObject`s). */
interface ValueSetter {
  conditions: TypeConditionMatcher[];
  field: string;
  value: unknown;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * A fetch's `requires` and `inputRewrites`, compiled once per plan into what builds a
 * representation per entity: `@apollo/gateway`'s `executeSelectionSet` and
 * `applyRewrites` (executeQueryPlan.js, dataRewrites.js), step for step, so that the
 * lean path sends the very representations the gateway sends (a replay through the
 * gateway must find them equal). The names, aliases and type conditions are read once
 * here instead of per entity. Null when a rewrite is one this does not reproduce (a key
 * renamer, or a value set below the representation's own fields).
 */
export function compileRepresentation(schema: GraphQLSchema, requires: QueryPlanSelectionNode[], rewrites: FetchDataRewrite[] | undefined): RepresentationBuilder | null {
  const selections = compileSelections(schema, requires);
  const setters: ValueSetter[] = [];
  for (const rewrite of rewrites ?? []) {
    if (rewrite.kind !== 'ValueSetter' || rewrite.path.length === 0) return null;
    const parents = rewrite.path.slice(0, -1);
    const field = rewrite.path[rewrite.path.length - 1];
    if (field.startsWith(FRAGMENT_PREFIX) || parents.some((element) => !element.startsWith(FRAGMENT_PREFIX))) return null;
    setters.push({ conditions: parents.map((element) => typeConditionMatcher(schema, element.slice(FRAGMENT_PREFIX.length))), field, value: rewrite.setValueTo });
  }
  return (entity) => {
    const representation = select(entity, selections);
    if (!representation || !representation.__typename) return null;
    for (const setter of setters) {
      if (setter.conditions.every((matches) => matches(representation, true))) setOwn(representation, setter.field, setter.value);
    }
    return representation;
  };
}

const FRAGMENT_PREFIX = '... on ';

function compileSelections(schema: GraphQLSchema, nodes: readonly QueryPlanSelectionNode[]): Selection[] {
  const selections: Selection[] = [];
  for (const node of nodes) {
    if (node.kind === 'Field') {
      selections.push({ kind: 'field', responseName: getResponseName(node), selections: node.selections ? compileSelections(schema, node.selections) : null });
    } else if (node.typeCondition) {
      // The gateway skips a fragment without a type condition.
      selections.push({ kind: 'fragment', matches: typeConditionMatcher(schema, node.typeCondition), selections: compileSelections(schema, node.selections) });
    }
  }
  return selections;
}

/** `executeSelectionSet`: null when a selected field is missing, fragments merged in by the gateway's own deepMerge. */
function select(source: any, selections: Selection[]): Record<string, unknown> | null {
  if (source === null) return null;
  const result: Record<string, unknown> = Object.create(null);
  for (const selection of selections) {
    if (selection.kind === 'field') {
      const name = selection.responseName;
      if (!hasOwn.call(source, name) || typeof source[name] === 'undefined') return null;
      const value = source[name];
      const sub = selection.selections;
      if (Array.isArray(value)) result[name] = value.map((item) => (sub ? select(item, sub) : item));
      else if (sub) result[name] = select(value, sub);
      else result[name] = value;
    } else if (source && selection.matches(source, false)) {
      deepMerge(result, select(source, selection.selections));
    }
  }
  return result;
}

/** The rewrite's `defineOwn` then assignment: an inherited name becomes the object's own. */
function setOwn(object: Record<string, unknown>, field: string, value: unknown): void {
  if (!hasOwn.call(object, field) && field in object) Object.defineProperty(object, field, { configurable: true, enumerable: true, value: undefined, writable: true });
  object[field] = value;
}
