import { type JsonSchema, validateJsonSchema } from './jsonSchema';

const messages = (schema: JsonSchema, data: unknown) =>
  validateJsonSchema(schema, data).map(e => `${e.instancePath || '<root>'} ${e.message}`);

describe('validateJsonSchema', () => {
  it('accepts matching data', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['a'],
      properties: { a: { type: 'string', minLength: 1 }, b: { type: 'array', items: { type: 'string' } } },
    };
    expect(validateJsonSchema(schema, { a: 'x', b: ['y'] })).toEqual([]);
  });

  it('reports type errors with Ajv texts and params', () => {
    expect(validateJsonSchema({ type: 'object', required: [] }, 7)).toEqual([
      { instancePath: '', keyword: 'type', message: 'must be object', params: { type: 'object' } },
    ]);
    expect(messages({ type: 'string' }, null)).toEqual(['<root> must be string']);
    expect(messages({ type: ['string', 'boolean'] }, 1)).toEqual(['<root> must be string,boolean']);
    expect(messages({ type: 'array' }, {})).toEqual(['<root> must be array']);
    expect(messages({ type: 'integer' }, 1.5)).toEqual(['<root> must be integer']);
    expect(messages({ type: 'null' }, 0)).toEqual(['<root> must be null']);
  });

  it('reports every missing required property', () => {
    expect(validateJsonSchema({ type: 'object', required: ['a', 'b'] }, { b: 1, c: 2 })).toEqual([
      {
        instancePath: '',
        keyword: 'required',
        message: "must have required property 'a'",
        params: { missingProperty: 'a' },
      },
    ]);
  });

  it('treats undefined values as missing', () => {
    expect(messages({ type: 'object', required: ['a'] }, { a: undefined })).toEqual([
      "<root> must have required property 'a'",
    ]);
  });

  it('reports string, array and number limits', () => {
    expect(messages({ type: 'string', minLength: 2 }, 'a')).toEqual([
      '<root> must NOT have fewer than 2 characters',
    ]);
    // Ajv counts code points, not UTF-16 units.
    expect(messages({ type: 'string', minLength: 2 }, '😀')).toEqual([
      '<root> must NOT have fewer than 2 characters',
    ]);
    expect(messages({ type: 'string', pattern: '^\\w+$' }, 'a b')).toEqual([
      '<root> must match pattern "^\\w+$"',
    ]);
    expect(messages({ type: 'array', minItems: 1 }, [])).toEqual(['<root> must NOT have fewer than 1 items']);
    expect(messages({ type: 'number', minimum: 1 }, 0)).toEqual(['<root> must be >= 1']);
  });

  it('reports enum and const mismatches', () => {
    expect(validateJsonSchema({ enum: ['a', 'b'] }, 'c')[0]).toMatchObject({
      message: 'must be equal to one of the allowed values',
      params: { allowedValues: ['a', 'b'] },
    });
    expect(validateJsonSchema({ const: 'x' }, 'y')[0]).toMatchObject({
      message: 'must be equal to constant',
      params: { allowedValue: 'x' },
    });
  });

  it('escapes instance paths as JSON pointers', () => {
    const schema: JsonSchema = {
      type: 'object',
      patternProperties: { '^.+$': { type: 'string' } },
    };
    expect(messages(schema, { 'example.com/a~b': 1 })).toEqual(['/example.com~1a~0b must be string']);
  });

  it('checks additional properties, by schema or by rejection', () => {
    expect(
      validateJsonSchema({ type: 'object', properties: { a: {} }, additionalProperties: false }, { a: 1, z: 2 }),
    ).toEqual([
      {
        instancePath: '',
        keyword: 'additionalProperties',
        message: 'must NOT have additional properties',
        params: { additionalProperty: 'z' },
      },
    ]);
    expect(messages({ type: 'object', additionalProperties: { type: 'string' } }, { a: 1 })).toEqual([
      '/a must be string',
    ]);
  });

  it('orders errors like Ajv: required, then additional properties, then properties', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['a', 'b'],
      additionalProperties: false,
      properties: { a: { type: 'string' }, b: {}, c: { type: 'string' } },
    };
    expect(messages(schema, { a: 1, c: 2, x: 3 })).toEqual([
      "<root> must have required property 'b'",
      '<root> must NOT have additional properties',
      '/a must be string',
      '/c must be string',
    ]);
  });

  it('keeps branch errors of a failing oneOf/anyOf, then its own error', () => {
    const oneOf: JsonSchema = { oneOf: [{ type: 'object' }, { type: 'array' }] };
    expect(validateJsonSchema(oneOf, {})).toEqual([]);
    expect(messages(oneOf, 'x')).toEqual([
      '<root> must be object',
      '<root> must be array',
      '<root> must match exactly one schema in oneOf',
    ]);
    expect(validateJsonSchema(oneOf, 'x')[2].params).toEqual({ passingSchemas: null });
    const both: JsonSchema = { oneOf: [{}, {}] };
    expect(validateJsonSchema(both, 1)[0].params).toEqual({ passingSchemas: [0, 1] });
    const anyOf: JsonSchema = { anyOf: [{ type: 'string' }, { type: 'number' }] };
    expect(validateJsonSchema(anyOf, 1)).toEqual([]);
    expect(messages(anyOf, true)).toEqual([
      '<root> must be string',
      '<root> must be number',
      '<root> must match a schema in anyOf',
    ]);
  });

  it('applies every allOf branch', () => {
    const schema: JsonSchema = { allOf: [{ type: 'object', required: ['a'] }, { type: 'object', required: ['b'] }] };
    expect(messages(schema, {})).toEqual([
      "<root> must have required property 'a'",
      "<root> must have required property 'b'",
    ]);
  });

  it('validates array items with their index in the path', () => {
    expect(messages({ type: 'array', items: { type: 'string', minLength: 1 } }, ['a', '', 3])).toEqual([
      '/1 must NOT have fewer than 1 characters',
      '/2 must be string',
    ]);
  });

  it('does not look up inherited properties', () => {
    expect(messages({ type: 'object', required: ['constructor'] }, {})).toEqual([
      "<root> must have required property 'constructor'",
    ]);
  });
});
