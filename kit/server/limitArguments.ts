import { defaultFieldResolver, isIntrospectionType, isObjectType, type GraphQLSchema } from 'graphql';
import { InputError } from '../errors/domainErrors';
import { unstorableTextProblem } from '../validation/unstorableText';

/** Longest text in any argument unless the subgraph names a bound for it: longer than any path, URL or ref needs. */
export const DEFAULT_MAX_ARGUMENT_TEXT = 4_096;
/** Most items in any list (and keys in any JSON object) of an argument. */
export const DEFAULT_MAX_ARGUMENT_ITEMS = 1_000;

export interface ArgumentLimits {
  /** Text bound for every argument not named in `text`. Default 4,096 characters. */
  maxText?: number;
  /** Item bound for every list or object inside an argument. Default 1,000. */
  maxItems?: number;
  /** Text bounds of named arguments, `Type.field.argument` (e.g. `Query.searchDocs.query`), in characters. */
  text?: Record<string, number>;
}

/**
 * Bounds every argument of every field, before its resolver runs: each string (inside
 * input objects, lists and JSON values too) at most its bound and storable by PostgreSQL
 * (no NUL, no lone surrogate), each list at most `maxItems`. A refusal is BAD_USER_INPUT
 * naming the argument, so no input can make one request cost the whole process. `_entities`
 * is left to its own cap: the gateway, not a caller, writes its representations.
 */
export function limitArguments(schema: GraphQLSchema, limits: ArgumentLimits = {}): GraphQLSchema {
  const maxText = limits.maxText ?? DEFAULT_MAX_ARGUMENT_TEXT;
  const maxItems = limits.maxItems ?? DEFAULT_MAX_ARGUMENT_ITEMS;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.length || (type === schema.getQueryType() && field.name === '_entities')) continue;
      const bounds = new Map(field.args.map((arg) => [arg.name, limits.text?.[`${type.name}.${field.name}.${arg.name}`] ?? maxText]));
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        for (const [name, value] of Object.entries(args)) checkValue(value, name, bounds.get(name) ?? maxText, maxItems);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

function checkValue(value: unknown, path: string, maxText: number, maxItems: number): void {
  // Iterative: a JSON argument can nest deeper than the stack.
  const stack: { value: unknown; path: string }[] = [{ value, path }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (item.value.length > maxText) throw new InputError(`"${item.path}" may be at most ${maxText} characters; it has ${item.value.length}`, { maxLength: maxText });
      const problem = unstorableTextProblem(item.value);
      if (problem) throw new InputError(`"${item.path}" ${problem}, which cannot be stored`);
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    const entries = Object.entries(item.value);
    if (entries.length > maxItems) throw new InputError(`"${item.path}" may hold at most ${maxItems} items; it has ${entries.length}`, { maxItems });
    for (const [key, child] of entries) {
      const problem = unstorableTextProblem(key);
      if (problem) throw new InputError(`A key in "${item.path}" ${problem}, which cannot be stored`);
      stack.push({ value: child, path: Array.isArray(item.value) ? `${item.path}[${key}]` : `${item.path}.${key}` });
    }
  }
}
