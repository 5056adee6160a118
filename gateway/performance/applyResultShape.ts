import { isAbstractType, isCompositeType, isObjectType, type GraphQLCompositeType, type GraphQLSchema } from 'graphql';
import type { FragmentShape, ResultShape, SelectionShape, ValueShape } from './compileResultShape';

/**
 * Returned when the answer is not one the lean walk shapes exactly: a null where the API
 * schema promises a value, a value outside its type, an unknown `__typename`, a condition
 * variable that is not a boolean. The caller then lets `@apollo/gateway` shape it, which
 * reports each of those its own way.
 */
export const NOT_SHAPED = Symbol('not shaped');

class NotShaped {}
const notShaped = new NotShaped();

/**
 * The client's answer from one subgraph's `data`, as `@apollo/gateway`'s `computeResponse`
 * builds it when nothing is wrong: the selections in order, fields merged by response
 * name, `__typename`s the planner added left out, fragments kept by type condition.
 */
export function applyResultShape(shape: ResultShape, data: unknown, variables: Record<string, unknown> | undefined): Record<string, unknown> | typeof NOT_SHAPED {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return NOT_SHAPED;
  const walk = new ShapeWalk(shape.schema, variables ?? {}, shape.variableDefaults);
  const output: Record<string, unknown> = {};
  try {
    walk.selections(data as Record<string, unknown>, shape.selections, output, shape.rootType);
  } catch (error) {
    if (error === notShaped) return NOT_SHAPED;
    throw error;
  }
  return output;
}

class ShapeWalk {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly variables: Record<string, unknown>,
    private readonly defaults: Record<string, unknown>,
  ) {}

  selections(input: Record<string, unknown>, selections: SelectionShape[], output: Record<string, unknown>, parentType: GraphQLCompositeType): void {
    for (const selection of selections) {
      if (selection.conditions !== null && this.skipped(selection.conditions)) continue;
      if (selection.kind === 'field') {
        const name = selection.responseName;
        const inputValue = Object.prototype.hasOwnProperty.call(input, name) ? (input[name] ?? null) : null;
        output[name] = this.value(output[name], selection.value, inputValue, selection.hasSelections);
      } else if (selection.kind === 'typename') {
        if (output[selection.responseName] === undefined) output[selection.responseName] = this.typename(input, selection.responseName, parentType);
      } else {
        const typename = input.__typename;
        if (typename && typeof typename !== 'string') throw notShaped;
        if (this.applies(selection, typename ? this.schema.getType(typename as string) : parentType)) {
          this.selections(input, selection.selections, output, selection.typeCondition ?? parentType);
        }
      }
    }
  }

  private value(outputValue: unknown, shape: ValueShape, inputValue: unknown, hasSelections: boolean): unknown {
    if (outputValue === null || (outputValue !== undefined && !hasSelections)) return outputValue;
    switch (shape.kind) {
      case 'nonNull': {
        const value = this.value(outputValue, shape.of, inputValue, hasSelections);
        if (value === null) throw notShaped;
        return value;
      }
      case 'list': {
        if (inputValue === null) return null;
        if (!Array.isArray(inputValue)) throw notShaped;
        if (outputValue !== undefined && (!Array.isArray(outputValue) || outputValue.length !== inputValue.length)) throw notShaped;
        const list = new Array(inputValue.length);
        for (let i = 0; i < inputValue.length; i++) {
          list[i] = this.value(outputValue === undefined ? undefined : (outputValue as unknown[])[i], shape.of, inputValue[i] ?? null, hasSelections);
        }
        return list;
      }
      case 'object': {
        if (inputValue === null) return null;
        if (typeof inputValue !== 'object' || Array.isArray(inputValue)) throw notShaped;
        const input = inputValue as Record<string, unknown>;
        let type = shape.type;
        const typename = input.__typename;
        if (typename !== undefined && typeof typename !== 'string') throw notShaped;
        if (typename) {
          const named = this.schema.getType(typename);
          if (!named || !isCompositeType(named)) throw notShaped;
          type = named;
        }
        const output = outputValue === undefined ? {} : (outputValue as Record<string, unknown>);
        if (typeof output !== 'object' || Array.isArray(output)) throw notShaped;
        this.selections(input, shape.selections, output, type);
        return output;
      }
      case 'leaf':
        if (inputValue === null) return null;
        if (shape.isValid !== null && !shape.isValid(inputValue)) throw notShaped;
        return inputValue;
    }
  }

  /** The object's concrete type name, from its `__typename` (under this response name first) or its declared type. */
  private typename(input: Record<string, unknown>, responseName: string, parentType: GraphQLCompositeType): string {
    let value = Object.prototype.hasOwnProperty.call(input, responseName) ? (input[responseName] ?? null) : null;
    if (value === null && responseName !== '__typename') value = input.__typename ?? null;
    const type = typeof value === 'string' ? (this.schema.getType(value) ?? parentType) : parentType;
    if (!isObjectType(type)) throw notShaped;
    return type.name;
  }

  private applies(fragment: FragmentShape, runtimeType: ReturnType<GraphQLSchema['getType']>): boolean {
    if (fragment.typeCondition === null) return true;
    if (!runtimeType || !isCompositeType(runtimeType)) return false;
    let applies = fragment.applies.get(runtimeType);
    if (applies === undefined) {
      const condition = fragment.typeCondition;
      // graphql-js answers for unions and interfaces alike (members, implementations), a union being nobody's subtype.
      applies = condition === runtimeType || (isAbstractType(condition) && this.schema.isSubType(condition, runtimeType as never));
      fragment.applies.set(runtimeType, applies);
    }
    return applies;
  }

  private skipped(conditions: { variable: string; skipWhen: boolean }[]): boolean {
    for (const { variable, skipWhen } of conditions) {
      const value = Object.prototype.hasOwnProperty.call(this.variables, variable) ? this.variables[variable] : this.defaults[variable];
      if (typeof value !== 'boolean') throw notShaped;
      if (value === skipWhen) return true;
    }
    return false;
  }
}
