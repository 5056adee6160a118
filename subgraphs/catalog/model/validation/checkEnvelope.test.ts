import { checkEnvelope } from './checkEnvelope';

function valid(): Record<string, unknown> {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      uid: 'e01199ab-08cc-44c2-8e19-5c29ded82521',
      etag: 'lsndfkjsndfkjnsdfkjnsd==',
      name: 'my-component-yay',
      namespace: 'the-namespace',
      title: 'My Component',
      labels: { 'backstage.io/custom': 'ValueStuff' },
      annotations: { 'example.com/bindings': 'are-secret' },
      tags: ['java', 'data'],
      links: [{ url: 'https://example.com', title: 'Website', icon: 'website', type: 'admin' }],
      somethingCustom: { any: 'thing' },
    },
    spec: { custom: 'stuff' },
  };
}

function withMeta(meta: Record<string, unknown>): Record<string, unknown> {
  const entity = valid();
  entity.metadata = { ...(entity.metadata as object), ...meta };
  return entity;
}

describe('checkEnvelope', () => {
  it('accepts a valid entity, including unknown metadata fields', () => {
    expect(checkEnvelope(valid())).toEqual([]);
  });

  it('accepts a missing spec, relations and status', () => {
    const entity = valid();
    delete entity.spec;
    expect(checkEnvelope(entity)).toEqual([]);
    entity.relations = [{ type: 'ownedBy', targetRef: 'group:default/a' }];
    entity.status = { items: [{ type: 'x', level: 'info', message: 'm' }] };
    expect(checkEnvelope(entity)).toEqual([]);
  });

  it('rejects a non-object root', () => {
    expect(checkEnvelope(7)).toEqual(['<root> must be object - type: object']);
    expect(checkEnvelope(null)).toEqual(['<root> must be object - type: object']);
    expect(checkEnvelope([])).toEqual(['<root> must be object - type: object']);
  });

  it('rejects missing apiVersion, kind and metadata, first one first, as Backstage reports one', () => {
    expect(checkEnvelope({})).toEqual(["<root> must have required property 'apiVersion' - missingProperty: apiVersion"]);
    expect(checkEnvelope({ apiVersion: 'a/b' })).toEqual(["<root> must have required property 'kind' - missingProperty: kind"]);
  });

  it('rejects unknown root fields', () => {
    expect(checkEnvelope({ ...valid(), spec2: {} })).toEqual([
      'Malformed envelope, <root> must NOT have additional properties',
    ]);
  });

  it.each([
    ['apiVersion', 7, '/apiVersion must be string - type: string'],
    ['apiVersion', '', '/apiVersion must NOT have fewer than 1 characters - limit: 1'],
    ['kind', 7, '/kind must be string - type: string'],
    ['metadata', 7, '/metadata must be object - type: object'],
    ['spec', 7, 'Malformed envelope, /spec must be object'],
    ['spec', [], 'Malformed envelope, /spec must be object'],
    ['relations', {}, 'Malformed envelope, /relations must be array'],
    ['status', 'ok', 'Malformed envelope, /status must be object'],
  ])('rejects a bad %s (%p)', (field, value, message) => {
    expect(checkEnvelope({ ...valid(), [field]: value })).toEqual([message]);
  });

  it.each([
    [{ name: undefined }, "/metadata must have required property 'name' - missingProperty: name"],
    [{ name: 7 }, '/metadata/name must be string - type: string'],
    [{ name: '' }, '/metadata/name must NOT have fewer than 1 characters - limit: 1'],
    [{ namespace: '' }, '/metadata/namespace must NOT have fewer than 1 characters - limit: 1'],
    [{ uid: '' }, 'Malformed envelope, /metadata/uid must NOT have fewer than 1 characters'],
    [{ etag: 7 }, 'Malformed envelope, /metadata/etag must be string'],
    [{ title: '' }, 'Malformed envelope, /metadata/title must NOT have fewer than 1 characters'],
    [{ description: 7 }, 'Malformed envelope, /metadata/description must be string'],
    [{ labels: 7 }, 'Malformed envelope, /metadata/labels must be object'],
    [{ labels: { a: 1 } }, 'Malformed envelope, /metadata/labels/a must be string'],
    [{ annotations: { 'x.io/a': true } }, 'Malformed envelope, /metadata/annotations/x.io~1a must be string'],
    [{ tags: 'java' }, 'Malformed envelope, /metadata/tags must be array'],
    [{ tags: [''] }, 'Malformed envelope, /metadata/tags/0 must NOT have fewer than 1 characters'],
    [{ links: 'x' }, 'Malformed envelope, /metadata/links must be array'],
    [{ links: [{}] }, "Malformed envelope, /metadata/links/0 must have required property 'url'"],
    [{ links: [{ url: 'https://x', icon: '' }] }, 'Malformed envelope, /metadata/links/0/icon must NOT have fewer than 1 characters'],
  ])('rejects metadata %p', (meta, message) => {
    expect(checkEnvelope(withMeta(meta))[0]).toBe(message);
  });

  it('checks the shape of relations and status items', () => {
    expect(checkEnvelope({ ...valid(), relations: [{ type: 'owned by', targetRef: 'x' }] })).toEqual([
      'Malformed envelope, /relations/0/type must match pattern "^\\w+$"',
    ]);
    expect(checkEnvelope({ ...valid(), relations: [{ type: 'a', target: {} }] })).toEqual([
      "Malformed envelope, /relations/0 must have required property 'targetRef'",
    ]);
    expect(checkEnvelope({ ...valid(), status: { items: [{ type: 't', level: 'fatal', message: 'm' }] } })).toEqual([
      'Malformed envelope, /status/items/0/level must be equal to one of the allowed values',
    ]);
  });
});
