import {
  DEFAULT_NAMESPACE,
  normalizeEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from './entityRef';

describe('parseEntityRef', () => {
  it('parses all four string forms, filling defaults', () => {
    const context = { defaultKind: 'x', defaultNamespace: 'y' };
    expect(parseEntityRef('a:b/c', context)).toEqual({ kind: 'a', namespace: 'b', name: 'c' });
    expect(parseEntityRef('b/c', context)).toEqual({ kind: 'x', namespace: 'b', name: 'c' });
    expect(parseEntityRef('a:c', context)).toEqual({ kind: 'a', namespace: 'y', name: 'c' });
    expect(parseEntityRef('c', context)).toEqual({ kind: 'x', namespace: 'y', name: 'c' });
  });

  it('falls back to the default namespace without a context', () => {
    expect(DEFAULT_NAMESPACE).toBe('default');
    expect(parseEntityRef('a:c')).toEqual({ kind: 'a', namespace: 'default', name: 'c' });
    expect(parseEntityRef('a:c', { defaultNamespace: '' })).toEqual({
      kind: 'a',
      namespace: 'default',
      name: 'c',
    });
  });

  it('keeps the case it was given', () => {
    expect(parseEntityRef('Component:Default/My-Service')).toEqual({
      kind: 'Component',
      namespace: 'Default',
      name: 'My-Service',
    });
  });

  it('treats everything after the first separator as the name, like Backstage', () => {
    expect(parseEntityRef('a:b:c')).toEqual({ kind: 'a', namespace: 'default', name: 'b:c' });
    expect(parseEntityRef('a/b:c', { defaultKind: 'k' })).toEqual({
      kind: 'k',
      namespace: 'a',
      name: 'b:c',
    });
    expect(parseEntityRef('a:b/c/d')).toEqual({ kind: 'a', namespace: 'b', name: 'c/d' });
  });

  it('parses compound refs with defaults', () => {
    expect(parseEntityRef({ name: 'c' }, { defaultKind: 'x', defaultNamespace: 'y' })).toEqual({
      kind: 'x',
      namespace: 'y',
      name: 'c',
    });
    expect(parseEntityRef({ kind: 'a', namespace: 'b', name: 'c' })).toEqual({
      kind: 'a',
      namespace: 'b',
      name: 'c',
    });
  });

  it('throws Backstage\'s message when the kind is missing', () => {
    expect(() => parseEntityRef('b/c')).toThrow(TypeError);
    expect(() => parseEntityRef('c')).toThrow(
      'Entity reference "c" had missing or empty kind (e.g. did not start with "component:" or similar)',
    );
    expect(() => parseEntityRef({ name: 'c' })).toThrow(
      'Entity reference {"name":"c"} had missing or empty kind (e.g. did not start with "component:" or similar)',
    );
  });

  it('treats empty compound parts as errors, not as "use the default"', () => {
    const context = { defaultKind: 'x', defaultNamespace: 'y' };
    expect(() => parseEntityRef({ kind: '', namespace: 'b', name: 'c' }, context)).toThrow(/kind/);
    expect(() => parseEntityRef({ kind: 'a', namespace: '', name: 'c' }, context)).toThrow(
      'Entity reference {"kind":"a","namespace":"","name":"c"} had missing or empty namespace',
    );
    expect(() => parseEntityRef({ kind: 'a', namespace: 'b', name: '' })).toThrow(
      'Entity reference {"kind":"a","namespace":"b","name":""} had missing or empty name',
    );
  });

  it.each([':b/c', 'a:/c', 'a:b/', 'a:/', ':b/', ':/c', ':/', '/c', 'b/', ':c', 'a:'])(
    'rejects the malformed string %p',
    ref => {
      expect(() => parseEntityRef(ref, { defaultKind: 'x' })).toThrow(
        `Entity reference "${ref}" was not on the form [<kind>:][<namespace>/]<name>`,
      );
    },
  );

  it('rejects empty and non-string input', () => {
    expect(() => parseEntityRef('')).toThrow('Entity reference must not be empty');
    expect(() => parseEntityRef(null as unknown as string)).toThrow(TypeError);
  });
});

describe('stringifyEntityRef', () => {
  it('prints the canonical lower-cased form', () => {
    expect(stringifyEntityRef({ kind: 'Component', namespace: 'Default', name: 'My-Service' })).toBe(
      'component:default/my-service',
    );
  });

  it('fills in the default namespace', () => {
    expect(stringifyEntityRef({ kind: 'Group', name: 'team-a' })).toBe('group:default/team-a');
  });

  it('round-trips with parseEntityRef', () => {
    const ref = 'api:payments/charge-api';
    expect(stringifyEntityRef(parseEntityRef(ref))).toBe(ref);
  });
});

describe('normalizeEntityRef', () => {
  it('accepts full and namespace-less refs in any case', () => {
    expect(normalizeEntityRef('Component:Default/Petstore')).toBe('component:default/petstore');
    expect(normalizeEntityRef('component:petstore')).toBe('component:default/petstore');
    expect(normalizeEntityRef('  group:team-a  ')).toBe('group:default/team-a');
    // Namespaces follow Backstage's DNS label rule, repeated dashes included.
    expect(normalizeEntityRef('component:a--b/x')).toBe('component:a--b/x');
  });

  it('returns null when there is no kind', () => {
    expect(normalizeEntityRef('petstore')).toBeNull();
    expect(normalizeEntityRef('default/petstore')).toBeNull();
  });

  it.each(['', '   ', ':x', 'a:', 'a:/x', 'a:b/', '1kind:x', 'a:b c', 'a:ns_x/n', 'a:b/c/d', 'a:b:c'])(
    'returns null for %p',
    input => {
      expect(normalizeEntityRef(input)).toBeNull();
    },
  );

  it('returns null for parts longer than 63 characters', () => {
    expect(normalizeEntityRef(`component:${'a'.repeat(64)}`)).toBeNull();
    expect(normalizeEntityRef(`component:${'a'.repeat(63)}`)).toBe(`component:default/${'a'.repeat(63)}`);
  });

  it('returns null for non-string input', () => {
    expect(normalizeEntityRef(42 as unknown as string)).toBeNull();
  });
});
