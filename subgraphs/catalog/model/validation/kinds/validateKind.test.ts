import type { Entity } from '../../entityTypes';
import { BUILTIN_KINDS, isBuiltinKind, validateKind } from './validateKind';

function entity(kind: string, spec: Record<string, unknown> | undefined, apiVersion = 'backstage.io/v1alpha1'): Entity {
  return { apiVersion, kind, metadata: { name: 'thing', namespace: 'default' }, spec };
}

const VALID_SPECS: Record<string, Record<string, unknown>> = {
  Component: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  API: { type: 'openapi', lifecycle: 'production', owner: 'team-a', definition: 'openapi: 3.0.0' },
  Resource: { type: 'database', owner: 'team-a' },
  System: { owner: 'team-a' },
  Domain: { owner: 'team-a' },
  Group: { type: 'team', children: [] },
  User: { memberOf: [] },
  Location: {},
};

describe('validateKind', () => {
  it.each(Object.entries(VALID_SPECS))('accepts a minimal %s', (kind, spec) => {
    expect(validateKind(entity(kind, spec))).toEqual([]);
    expect(validateKind(entity(kind, spec, 'backstage.io/v1beta1'))).toEqual([]);
  });

  it('leaves unknown kinds alone', () => {
    expect(validateKind(entity('AiResource', undefined))).toEqual([]);
    expect(validateKind(entity('constructor', undefined))).toEqual([]);
  });

  it('lists the built-in kinds and recognises them in any case', () => {
    expect(BUILTIN_KINDS).toHaveLength(9);
    expect(isBuiltinKind('component')).toBe(true);
    expect(isBuiltinKind('Widget')).toBe(false);
  });

  it('requires a spec', () => {
    expect(validateKind(entity('Component', undefined))).toEqual([
      "<root> must have required property 'spec' - missingProperty: spec",
    ]);
  });

  it.each([
    ['Component', ['type', 'lifecycle', 'owner']],
    ['API', ['type', 'lifecycle', 'owner', 'definition']],
    ['Resource', ['type', 'owner']],
    ['System', ['owner']],
    ['Domain', ['owner']],
    ['Group', ['type', 'children']],
    ['User', ['memberOf']],
  ])('requires the %s spec fields %p', (kind, fields) => {
    // Backstage reports the first missing field only.
    expect(validateKind(entity(kind, {}))).toEqual([`/spec must have required property '${fields[0]}' - missingProperty: ${fields[0]}`]);
  });

  it.each([
    ['Component', { owner: 7 }, '/spec/owner must be string - type: string'],
    ['Component', { system: '' }, '/spec/system must NOT have fewer than 1 characters - limit: 1'],
    ['Component', { subcomponentOf: [] }, '/spec/subcomponentOf must be string - type: string'],
    ['Component', { providesApis: 'a' }, '/spec/providesApis must be array - type: array'],
    ['Component', { consumesApis: [1] }, '/spec/consumesApis/0 must be string - type: string'],
    ['Component', { dependsOn: [''] }, '/spec/dependsOn/0 must NOT have fewer than 1 characters - limit: 1'],
    ['API', { definition: '' }, '/spec/definition must NOT have fewer than 1 characters - limit: 1'],
    ['API', { definition: { text: 'x' } }, '/spec/definition must be string - type: string'],
    ['API', { definition: { $text: 1 } }, '/spec/definition must be string - type: string'],
    ['Location', { presence: 'maybe' }, '/spec/presence must be equal to one of the allowed values - allowedValues: required,optional'],
    ['System', { domain: 1 }, '/spec/domain must be string - type: string'],
    ['System', { type: '' }, '/spec/type must NOT have fewer than 1 characters - limit: 1'],
    ['Domain', { subdomainOf: 1 }, '/spec/subdomainOf must be string - type: string'],
    ['Group', { children: [''] }, '/spec/children/0 must NOT have fewer than 1 characters - limit: 1'],
    ['Group', { members: 'jdoe' }, '/spec/members must be array - type: array'],
    ['Group', { parent: [] }, '/spec/parent must be string - type: string'],
    ['Group', { profile: { email: '' } }, '/spec/profile/email must NOT have fewer than 1 characters - limit: 1'],
    ['User', { memberOf: 'team-a' }, '/spec/memberOf must be array - type: array'],
    ['User', { profile: 'me' }, '/spec/profile must be object - type: object'],
    ['Location', { targets: 'x' }, '/spec/targets must be array - type: array'],
    ['Location', { target: '' }, '/spec/target must NOT have fewer than 1 characters - limit: 1'],
  ])('rejects a bad %s field %p', (kind, bad, message) => {
    expect(validateKind(entity(kind, { ...VALID_SPECS[kind], ...bad }))).toEqual([message]);
  });

  it('has no schema for dependencyOf, as Backstage has none: any value passes', () => {
    expect(validateKind(entity('Component', { ...VALID_SPECS.Component, dependencyOf: 'component:a' }))).toEqual([]);
    expect(validateKind(entity('Resource', { ...VALID_SPECS.Resource, dependencyOf: 'component:a' }))).toEqual([]);
  });

  it('lets an allow-list of kinds refuse the others, like catalog.rules', () => {
    const allowedKinds = ['Component', 'group'];
    expect(validateKind(entity('Component', VALID_SPECS.Component), { allowedKinds })).toEqual([]);
    expect(validateKind(entity('Group', VALID_SPECS.Group), { allowedKinds })).toEqual([]);
    expect(validateKind(entity('Widget', {}), { allowedKinds })).toEqual([
      "Entity widget:default/thing is not of an allowed kind; the catalog's rules allow Component, group",
    ]);
  });

  it('accepts extra spec fields, as Backstage does', () => {
    expect(validateKind(entity('Component', { ...VALID_SPECS.Component, custom: { a: 1 } }))).toEqual([]);
  });

  it('rejects a built-in kind with a foreign apiVersion as unrecognised', () => {
    expect(validateKind(entity('Component', VALID_SPECS.Component, 'backstage.io/v2'))).toEqual([
      'No processor recognized the entity component:default/thing as valid, possibly caused by a foreign kind or apiVersion',
    ]);
  });

  it('rejects a built-in kind spelt in another case as unrecognised, even with spec errors', () => {
    expect(validateKind(entity('component', {}))).toEqual([
      'No processor recognized the entity component:default/thing as valid, possibly caused by a foreign kind or apiVersion',
    ]);
  });

  describe('API spec types', () => {
    const mcp = { type: 'mcp-server', lifecycle: 'experimental', owner: 'team-a' };
    const remotes = [{ type: 'streamable-http', url: 'http://localhost:7007/api/mcp/v1' }];

    it('by default treats an mcp-server API as any API, as Backstage does: it needs a definition', () => {
      expect(validateKind(entity('API', { ...mcp, remotes }))).toEqual([
        "/spec must have required property 'definition' - missingProperty: definition",
      ]);
    });

    it('with the experimental kinds, validates mcp-server APIs by their remotes instead of a definition', () => {
      const rules = { experimentalKinds: true };
      expect(validateKind(entity('API', { ...mcp, remotes }), rules)).toEqual([]);
      expect(validateKind(entity('API', mcp), rules)[0]).toMatch(/^\/spec must have required property 'remotes'/);
      expect(validateKind(entity('AiResource', {}), rules)[0]).toMatch(/^\/spec must have required property/);
      expect(validateKind(entity('AiResource', {}))).toEqual([]);
    });
  });

  describe('Template', () => {
    const spec = { type: 'service', owner: 'team-a', steps: [{ id: 'fetch', action: 'fetch:plain' }] };
    const template = (s: Record<string, unknown>, apiVersion = 'scaffolder.backstage.io/v1beta3') =>
      entity('Template', s, apiVersion);

    it('accepts a v1beta3 template, with one or several parameter forms', () => {
      expect(validateKind(template(spec))).toEqual([]);
      expect(validateKind(template({ ...spec, parameters: { properties: {} } }))).toEqual([]);
      expect(validateKind(template({ ...spec, parameters: [{}, {}] }))).toEqual([]);
      expect(validateKind(template({ ...spec, output: { links: [{ url: 'x' }], text: [{ content: 'x' }], a: 'b' } }))).toEqual(
        [],
      );
    });

    it('requires type and steps', () => {
      expect(validateKind(template({}))).toEqual(["/spec must have required property 'type' - missingProperty: type"]);
      expect(validateKind(template({ type: 'service' }))).toEqual(["/spec must have required property 'steps' - missingProperty: steps"]);
    });

    it.each([
      [{ steps: [{ id: 'x' }] }, "/spec/steps/0 must have required property 'action' - missingProperty: action"],
      [{ steps: [{ action: 'a', if: 1 }] }, '/spec/steps/0/if must be string,boolean - type: string,boolean'],
      [{ parameters: 'x' }, '/spec/parameters must be object - type: object'],
      [{ output: { a: 1 } }, '/spec/output/a must be string - type: string'],
      [{ owner: '' }, '/spec/owner must NOT have fewer than 1 characters - limit: 1'],
    ])('rejects %p', (bad, message) => {
      expect(validateKind(template({ ...spec, ...bad }))[0]).toBe(message);
    });

    it('does not recognise older template versions', () => {
      expect(validateKind(template(spec, 'backstage.io/v1beta2'))).toEqual([
        'No processor recognized the entity template:default/thing as valid, possibly caused by a foreign kind or apiVersion',
      ]);
    });
  });
});
