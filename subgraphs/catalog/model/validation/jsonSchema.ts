/**
 * A small JSON Schema (draft-07 subset) checker that reports errors the way
 * Ajv 8 does: same messages, params, instance paths and, importantly, the
 * same order, because Backstage only ever shows the first Ajv error.
 *
 * Only the keywords Backstage's catalog schemas use are supported. Schemas are
 * composed with plain object references instead of "$ref" strings.
 */

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

export interface JsonSchema {
  type?: JsonType | JsonType[];
  enum?: readonly unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  pattern?: string;
  minItems?: number;
  items?: JsonSchema;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
}

export interface SchemaOptions {
  /** Values to accept unchecked, whatever the schema says (unresolved placeholders). */
  isOpaque?: (data: unknown) => boolean;
}

export interface SchemaError {
  instancePath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

type Json = unknown;

// Which keywords make Ajv check a type inside that type's keyword group.
const KEYWORDS_BY_TYPE: Record<string, (keyof JsonSchema)[]> = {
  number: ['minimum'],
  string: ['minLength', 'pattern'],
  array: ['minItems', 'items'],
  object: ['required', 'additionalProperties', 'properties', 'patternProperties'],
};

function isOfType(data: Json, type: JsonType): boolean {
  switch (type) {
    case 'object':
      return typeof data === 'object' && data !== null && !Array.isArray(data);
    case 'array':
      return Array.isArray(data);
    case 'null':
      return data === null;
    case 'integer':
      return typeof data === 'number' && Number.isInteger(data);
    default:
      return typeof data === type;
  }
}

function hasRulesFor(schema: JsonSchema, type: string): boolean {
  return (KEYWORDS_BY_TYPE[type] ?? []).some(k => schema[k] !== undefined);
}

function childPath(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

// Enough for the enum and const values catalog schemas use (strings).
function deepEqual(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function has(data: Record<string, Json>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(data, key) && data[key] !== undefined;
}

/** Every error Ajv (allErrors: true) would report, in Ajv's order. */
export function validateJsonSchema(schema: JsonSchema, data: Json, options: SchemaOptions = {}): SchemaError[] {
  return check(schema, data, '', options);
}

function check(schema: JsonSchema, data: Json, path: string, options: SchemaOptions): SchemaError[] {
  if (options.isOpaque?.(data)) return [];
  const errors: SchemaError[] = [];
  const fail = (keyword: string, message: string, params: Record<string, unknown>) =>
    errors.push({ instancePath: path, keyword, message, params });

  const types = schema.type === undefined ? [] : [schema.type].flat();
  const typeError = () => fail('type', `must be ${types.join(',')}`, { type: types.join(',') });
  // Ajv checks the type up front unless a single type has keywords of its own.
  const checkedUpFront = types.length > 0 && !(types.length === 1 && hasRulesFor(schema, types[0]));
  if (checkedUpFront && !types.some(t => isOfType(data, t))) typeError();

  // Keywords that apply to any type come first.
  if (schema.const !== undefined && !deepEqual(data, schema.const)) {
    fail('const', 'must be equal to constant', { allowedValue: schema.const });
  }
  if (schema.enum && !schema.enum.some(v => deepEqual(v, data))) {
    fail('enum', 'must be equal to one of the allowed values', { allowedValues: schema.enum });
  }
  if (schema.anyOf) {
    const results = schema.anyOf.map(s => check(s, data, path, options));
    if (!results.some(r => r.length === 0)) {
      errors.push(...results.flat());
      fail('anyOf', 'must match a schema in anyOf', {});
    }
  }
  if (schema.oneOf) {
    const results = schema.oneOf.map(s => check(s, data, path, options));
    const passing = results.flatMap((r, i) => (r.length === 0 ? [i] : []));
    if (passing.length !== 1) {
      errors.push(...results.flat());
      fail('oneOf', 'must match exactly one schema in oneOf', {
        passingSchemas: passing.length ? passing : null,
      });
    }
  }
  for (const sub of schema.allOf ?? []) errors.push(...check(sub, data, path, options));

  // Then one keyword group per type, each only when the data has that type.
  const groupTypeError = (type: JsonType) =>
    !checkedUpFront && types.length === 1 && types[0] === type && hasRulesFor(schema, type);

  if (typeof data === 'number') {
    if (schema.minimum !== undefined && data < schema.minimum) {
      fail('minimum', `must be >= ${schema.minimum}`, { comparison: '>=', limit: schema.minimum });
    }
  } else if (groupTypeError('number')) typeError();

  if (typeof data === 'string') {
    if (schema.minLength !== undefined && Array.from(data).length < schema.minLength) {
      const limit = schema.minLength;
      fail('minLength', `must NOT have fewer than ${limit} characters`, { limit });
    }
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(data)) {
      fail('pattern', `must match pattern "${schema.pattern}"`, { pattern: schema.pattern });
    }
  } else if (groupTypeError('string')) typeError();

  if (Array.isArray(data)) {
    if (schema.minItems !== undefined && data.length < schema.minItems) {
      const limit = schema.minItems;
      fail('minItems', `must NOT have fewer than ${limit} items`, { limit });
    }
    const items = schema.items;
    if (items) data.forEach((item, i) => errors.push(...check(items, item, childPath(path, i), options)));
  } else if (groupTypeError('array')) typeError();

  if (isOfType(data, 'object')) errors.push(...checkObject(schema, data as Record<string, Json>, path, options));
  else if (groupTypeError('object')) typeError();

  return errors;
}

function checkObject(
  schema: JsonSchema,
  data: Record<string, Json>,
  path: string,
  options: SchemaOptions,
): SchemaError[] {
  const errors: SchemaError[] = [];
  for (const property of schema.required ?? []) {
    if (!has(data, property)) {
      errors.push({
        instancePath: path,
        keyword: 'required',
        message: `must have required property '${property}'`,
        params: { missingProperty: property },
      });
    }
  }

  const patterns = Object.entries(schema.patternProperties ?? {}).map(
    ([source, sub]) => [new RegExp(source, 'u'), sub] as const,
  );
  const additional = schema.additionalProperties;
  if (additional !== undefined && additional !== true) {
    for (const key of Object.keys(data)) {
      const declared = has(schema.properties ?? {}, key) || patterns.some(([re]) => re.test(key));
      if (declared) continue;
      if (additional === false) {
        errors.push({
          instancePath: path,
          keyword: 'additionalProperties',
          message: 'must NOT have additional properties',
          params: { additionalProperty: key },
        });
      } else {
        errors.push(...check(additional, data[key], childPath(path, key), options));
      }
    }
  }

  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    if (has(data, key)) errors.push(...check(sub, data[key], childPath(path, key), options));
  }
  for (const [re, sub] of patterns) {
    for (const key of Object.keys(data)) {
      if (re.test(key)) errors.push(...check(sub, data[key], childPath(path, key), options));
    }
  }
  return errors;
}
