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
  if (typeof key === 'number') return `${path}/${key}`;
  if (!key.includes('~') && !key.includes('/')) return `${path}/${key}`;
  return `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

// Enough for the enum and const values catalog schemas use (strings).
function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

function has(data: Record<string, Json>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(data, key) && data[key] !== undefined;
}

// Validation runs for every entity of every read, so each schema's patterns are
// compiled once, not once per value checked.
const compiled = new Map<string, RegExp>();
function regExpOf(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) compiled.set(source, (re = new RegExp(source, 'u')));
  return re;
}

// The count of code points is at least half the UTF-16 length, so short-cut the copy.
function hasFewerCharacters(data: string, limit: number): boolean {
  if (data.length >= 2 * limit) return false;
  return Array.from(data).length < limit;
}

/** Every error Ajv (allErrors: true) would report, in Ajv's order. */
export function validateJsonSchema(schema: JsonSchema, data: Json, options: SchemaOptions = {}): SchemaError[] {
  return check(schema, data, '', options);
}

function fail(errors: SchemaError[], path: string, keyword: string, message: string, params: Record<string, unknown>): void {
  errors.push({ instancePath: path, keyword, message, params });
}

function typeError(errors: SchemaError[], path: string, types: JsonType[]): void {
  fail(errors, path, 'type', `must be ${types.join(',')}`, { type: types.join(',') });
}

// Per call, no closures: this runs for every node of every entity, and a named
// closure costs an allocation (and, under tsx, a defineProperty) each time.
function check(schema: JsonSchema, data: Json, path: string, options: SchemaOptions): SchemaError[] {
  if (options.isOpaque?.(data)) return [];
  const errors: SchemaError[] = [];

  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  // Ajv checks the type up front unless a single type has keywords of its own.
  const checkedUpFront = types.length > 0 && !(types.length === 1 && hasRulesFor(schema, types[0]));
  if (checkedUpFront && !types.some(t => isOfType(data, t))) typeError(errors, path, types);
  // Otherwise the single type is checked in its keyword group, below.
  const groupType = !checkedUpFront && types.length === 1 ? types[0] : undefined;

  // Keywords that apply to any type come first.
  if (schema.const !== undefined && !deepEqual(data, schema.const)) {
    fail(errors, path, 'const', 'must be equal to constant', { allowedValue: schema.const });
  }
  if (schema.enum && !schema.enum.some(v => deepEqual(v, data))) {
    fail(errors, path, 'enum', 'must be equal to one of the allowed values', { allowedValues: schema.enum });
  }
  if (schema.anyOf) {
    const results = schema.anyOf.map(s => check(s, data, path, options));
    if (!results.some(r => r.length === 0)) {
      errors.push(...results.flat());
      fail(errors, path, 'anyOf', 'must match a schema in anyOf', {});
    }
  }
  if (schema.oneOf) {
    const results = schema.oneOf.map(s => check(s, data, path, options));
    const passing = results.flatMap((r, i) => (r.length === 0 ? [i] : []));
    if (passing.length !== 1) {
      errors.push(...results.flat());
      fail(errors, path, 'oneOf', 'must match exactly one schema in oneOf', {
        passingSchemas: passing.length ? passing : null,
      });
    }
  }
  if (schema.allOf) for (const sub of schema.allOf) pushAll(errors, check(sub, data, path, options));

  // Then one keyword group per type, each only when the data has that type.
  if (typeof data === 'number') {
    if (schema.minimum !== undefined && data < schema.minimum) {
      fail(errors, path, 'minimum', `must be >= ${schema.minimum}`, { comparison: '>=', limit: schema.minimum });
    }
  } else if (groupType === 'number' && hasRulesFor(schema, 'number')) typeError(errors, path, types);

  if (typeof data === 'string') {
    if (schema.minLength !== undefined && hasFewerCharacters(data, schema.minLength)) {
      const limit = schema.minLength;
      fail(errors, path, 'minLength', `must NOT have fewer than ${limit} characters`, { limit });
    }
    if (schema.pattern !== undefined && !regExpOf(schema.pattern).test(data)) {
      fail(errors, path, 'pattern', `must match pattern "${schema.pattern}"`, { pattern: schema.pattern });
    }
  } else if (groupType === 'string' && hasRulesFor(schema, 'string')) typeError(errors, path, types);

  if (Array.isArray(data)) {
    if (schema.minItems !== undefined && data.length < schema.minItems) {
      const limit = schema.minItems;
      fail(errors, path, 'minItems', `must NOT have fewer than ${limit} items`, { limit });
    }
    const items = schema.items;
    if (items) for (let i = 0; i < data.length; i++) pushAll(errors, check(items, data[i], childPath(path, i), options));
  } else if (groupType === 'array' && hasRulesFor(schema, 'array')) typeError(errors, path, types);

  if (isOfType(data, 'object')) pushAll(errors, checkObject(schema, data as Record<string, Json>, path, options));
  else if (groupType === 'object' && hasRulesFor(schema, 'object')) typeError(errors, path, types);

  return errors;
}

function pushAll(errors: SchemaError[], more: SchemaError[]): void {
  for (const error of more) errors.push(error);
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

  const patterns = schema.patternProperties
    ? Object.entries(schema.patternProperties).map(([source, sub]) => [regExpOf(source), sub] as const)
    : [];
  const additional = schema.additionalProperties;
  if (additional !== undefined && additional !== true) {
    const properties = schema.properties ?? {};
    for (const key of Object.keys(data)) {
      const declared = has(properties, key) || patterns.some(([re]) => re.test(key));
      if (declared) continue;
      if (additional === false) {
        errors.push({
          instancePath: path,
          keyword: 'additionalProperties',
          message: 'must NOT have additional properties',
          params: { additionalProperty: key },
        });
      } else {
        pushAll(errors, check(additional, data[key], childPath(path, key), options));
      }
    }
  }

  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    if (has(data, key)) pushAll(errors, check(sub, data[key], childPath(path, key), options));
  }
  for (const [re, sub] of patterns) {
    for (const key of Object.keys(data)) {
      if (re.test(key)) pushAll(errors, check(sub, data[key], childPath(path, key), options));
    }
  }
  return errors;
}
