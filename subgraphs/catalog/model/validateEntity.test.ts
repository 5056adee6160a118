import { parse } from 'yaml';
import { validateEntity } from './validateEntity';

const HINT =
  'To learn more about catalog file format, visit: https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md';

function component(): Record<string, any> {
  return parse(`
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: petstore
      tags: [java]
    spec:
      type: service
      lifecycle: production
      owner: team-a
      dependsOn: ['resource:db']
  `);
}

function errorsOf(raw: unknown, options?: Parameters<typeof validateEntity>[1]): string[] {
  const result = validateEntity(raw, options);
  return result.ok ? [] : result.errors;
}

describe('validateEntity', () => {
  it('accepts a valid entity and defaults its namespace', () => {
    const result = validateEntity(component());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.entity.metadata.namespace).toBe('default');
  });

  it('keeps an explicit namespace', () => {
    const raw = component();
    raw.metadata.namespace = 'payments';
    const result = validateEntity(raw);
    expect(result.ok && result.entity.metadata.namespace).toBe('payments');
  });

  it('never mutates its input and returns a copy', () => {
    const raw = component();
    const before = JSON.stringify(raw);
    const result = validateEntity(raw);
    expect(JSON.stringify(raw)).toBe(before);
    expect(result.ok && result.entity).not.toBe(raw);
    expect(result.ok && result.entity.spec).not.toBe(raw.spec);
  });

  it('accepts unknown kinds after envelope and metadata checks only', () => {
    const raw = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { anything: [1] } };
    expect(validateEntity(raw).ok).toBe(true);
    expect(errorsOf({ ...raw, metadata: { name: 'bad name' } })[0]).toMatch(/^"metadata.name" is not valid/);
  });

  it.each([
    [undefined, 'undefined'],
    [null, 'object'],
    ['text', 'string'],
    [42, 'number'],
    [[], 'object'],
  ])('rejects the non-entity %p without throwing, in the words of Backstage\'s YAML reader', (raw, type) => {
    expect(errorsOf(raw)).toEqual([`Expected object at root, got ${type}`]);
  });

  it('accepts falsy annotations, as Backstage does once it added its location annotations', () => {
    for (const annotations of [null, false, 0, '']) {
      const raw = component();
      raw.metadata.annotations = annotations;
      const result = validateEntity(raw);
      expect(result.ok && result.entity.metadata.annotations).toBeUndefined();
      expect(result.ok).toBe(true);
    }
    const raw = component();
    raw.metadata.annotations = 'text';
    expect(errorsOf(raw)).toEqual(['Malformed envelope, /metadata/annotations must be object']);
  });

  it('rejects prototype-polluting keys before anything else', () => {
    const raw = JSON.parse('{"apiVersion":"x","__proto__":{"admin":true}}');
    expect(errorsOf(raw)).toEqual([
      'Forbidden key "__proto__" at __proto__; keys named __proto__, constructor or prototype are not allowed anywhere in an entity',
    ]);
    const nested = component();
    nested.spec.constructor = 'x';
    expect(errorsOf(nested)[0]).toMatch(/^Forbidden key "constructor" at spec.constructor/);
  });

  it('reports envelope errors first, as Backstage does', () => {
    const raw = component();
    raw.metadata.name = 7;
    raw.metadata.tags = ['Bad Tag'];
    expect(errorsOf(raw)).toEqual(['/metadata/name must be string - type: string']);
  });

  it('names the unknown root field after the schema error', () => {
    expect(errorsOf({ ...component(), extra: 1 })).toEqual([
      'Malformed envelope, <root> must NOT have additional properties',
      'Unknown field extra',
    ]);
  });

  it('rejects relations and status in descriptors unless allowed', () => {
    const raw = { ...component(), relations: [{ type: 'ownedBy', targetRef: 'group:default/a' }], status: {} };
    expect(errorsOf(raw)).toEqual(['Unknown field relations', 'Unknown field status']);
    const allowed = ['apiVersion', 'kind', 'metadata', 'spec', 'relations', 'status'];
    expect(validateEntity(raw, { knownRootFields: allowed }).ok).toBe(true);
  });

  it('reports every field-format error, Backstage\'s first', () => {
    const raw = component();
    raw.metadata.name = 'invalid component';
    raw.metadata.tags = ['go 1.15.3'];
    expect(errorsOf(raw)).toEqual([
      `"metadata.name" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found "invalid component". ${HINT}`,
      `"tags.0" is not valid; expected a string that is sequences of [a-z0-9+#] separated by [-], at most 63 characters in total but found "go 1.15.3". ${HINT}`,
    ]);
  });

  it('checks formats before the kind schema', () => {
    const raw = component();
    raw.metadata.namespace = 'Bad_NS';
    delete raw.spec.owner;
    expect(errorsOf(raw)[0]).toMatch(/^"metadata.namespace" is not valid/);
  });

  it('reports kind schema errors', () => {
    const raw = component();
    delete raw.spec.owner;
    expect(errorsOf(raw)).toEqual(["/spec must have required property 'owner' - missingProperty: owner"]);
  });

  it('rejects built-in kinds with a foreign apiVersion or spelling', () => {
    expect(errorsOf({ ...component(), apiVersion: 'backstage.io/v2' })).toEqual([
      'No processor recognized the entity component:default/petstore as valid, possibly caused by a foreign kind or apiVersion',
    ]);
    expect(errorsOf({ ...component(), kind: 'COMPONENT' })[0]).toMatch(/^No processor recognized/);
  });

  it('rejects relation refs Backstage cannot parse', () => {
    const raw = component();
    raw.spec.dependsOn = ['db'];
    expect(errorsOf(raw)).toEqual([
      'Entity reference "db" had missing or empty kind (e.g. did not start with "component:" or similar)',
    ]);
  });

  it('turns values no parser produces into an error instead of throwing', () => {
    const raw = component();
    Object.defineProperty(raw.metadata, 'boom', {
      enumerable: true,
      get() {
        throw new Error('nope');
      },
    });
    expect(errorsOf(raw)).toEqual(['Entity could not be validated: Error: nope']);
  });
});
