/**
 * Descriptor variants in bulk for the conformance suite: a valid descriptor of
 * each Backstage kind, then one change at a time to its names, namespace, label
 * and annotation keys and values, tags, links, root fields, apiVersion, kind
 * spelling, and every spec field with values of every JSON type. Deterministic,
 * so a failure names the same variant every run.
 */

export interface Variant {
  /** What was changed, for the failure message. */
  label: string;
  document: Record<string, unknown>;
}

const BASE_SPECS: Record<string, Record<string, unknown>> = {
  Component: { type: 'service', lifecycle: 'production', owner: 'team-a', system: 'shop' },
  API: { type: 'openapi', lifecycle: 'production', owner: 'team-a', definition: 'openapi: 3.0.0' },
  Resource: { type: 'database', owner: 'team-a' },
  System: { owner: 'team-a', domain: 'sales' },
  Domain: { owner: 'team-a' },
  Group: { type: 'team', children: [] },
  User: { memberOf: [] },
  Location: { type: 'url', target: 'https://example.com/catalog-info.yaml' },
  Template: { type: 'service', owner: 'team-a', steps: [{ id: 'fetch', action: 'fetch:plain' }] },
};

/** Every spec field Backstage's schemas or relation rules read, per kind. */
const SPEC_FIELDS: Record<string, string[]> = {
  Component: ['type', 'lifecycle', 'owner', 'system', 'subcomponentOf', 'providesApis', 'consumesApis', 'dependsOn', 'dependencyOf'],
  API: ['type', 'lifecycle', 'owner', 'system', 'definition'],
  Resource: ['type', 'owner', 'system', 'dependsOn', 'dependencyOf'],
  System: ['owner', 'domain', 'type'],
  Domain: ['owner', 'subdomainOf', 'type'],
  Group: ['type', 'parent', 'children', 'members', 'profile'],
  User: ['memberOf', 'profile'],
  Location: ['type', 'target', 'targets', 'presence'],
  Template: ['type', 'owner', 'owners', 'lifecycle', 'steps', 'parameters'],
};

const long = (length: number) => 'a'.repeat(length);

const VALUES: unknown[] = [
  'x', '', 'team-b', 'group:team-b', 'user:ns1/jane', 'component:default/Thing', 'Not A Ref', 'a:b:c', 'kind:',
  7, 0, true, false, null, [], ['x'], ['group:x', 'api:ns2/y'], [''], [7], [null], {}, { a: 1 },
  'required', 'optional', 'maybe',
];

const NAMES: unknown[] = ['a', 'a-b', 'a--b', 'A_b.c', '-a', 'a-', 'a b', '', long(63), long(64), 7, null, true, [], {}, 'ä'];
const NAMESPACES: unknown[] = ['default', 'ns1', 'a--b', 'a-b-c', 'A', 'a_b', '', '-a', 'a-', long(63), long(64), 7, null, 'a.b'];
const KEYS: string[] = ['a', 'a--b', 'x.io/a', 'a--b.io/c', 'x--y.z/a--b', 'a/b/c', '/a', 'a/', 'A', 'a_b', '-a', 'x.io/', `${long(64)}/a`, 'a.b'];
const LABEL_VALUES: unknown[] = ['v', '', 'a b', 'A_b.c', '-v', long(64), 7, null, true, [], {}];
const ANNOTATION_VALUES: unknown[] = ['v', '', 'a b', 7, null, true, [], {}];
const ANNOTATIONS: unknown[] = [null, false, 0, '', 'text', [], ['x'], [1], {}, { a: 'b' }, 7, true];
const TAGS: unknown[] = [['java'], ['a--b'], ['Java'], ['a b'], [''], [7], 'java', null, ['c++'], ['#x'], ['a:b'], [long(64)], [null], {}];
const LINKS: unknown[] = [
  [{ url: 'https://x.example' }], [{ url: 'not a url' }], [{}], [{ url: 'https://x', title: '' }], [{ url: 'https://x', icon: '' }],
  [{ url: 7 }], 'x', [null], [{ url: 'https://x', type: '' }], [{ url: 'https://x', extra: 1 }], null,
];
const TEXTS: unknown[] = ['x', '', 7, null, true, [], {}];
const API_VERSIONS: unknown[] = [
  'backstage.io/v1alpha1', 'backstage.io/v1beta1', 'backstage.io/v2', 'v1', '', 7, 'a/b/c', 'Backstage.io/v1alpha1', 'a--b.io/v1', null,
];

function base(kind: string): Record<string, unknown> {
  return {
    apiVersion: kind === 'Template' ? 'scaffolder.backstage.io/v1beta3' : 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'thing', namespace: 'default' },
    spec: structuredClone(BASE_SPECS[kind]),
  };
}

function withMetadata(kind: string, field: string, value: unknown): Record<string, unknown> {
  const document = base(kind);
  const metadata = document.metadata as Record<string, unknown>;
  if (value === undefined) delete metadata[field];
  else metadata[field] = value;
  return document;
}

export function descriptorVariants(): Variant[] {
  const variants: Variant[] = [];
  const add = (label: string, document: Record<string, unknown>) => variants.push({ label, document });
  const show = (value: unknown) => JSON.stringify(value) ?? 'undefined';

  for (const kind of Object.keys(BASE_SPECS)) {
    add(`${kind} as written`, base(kind));
    for (const name of NAMES) add(`${kind} name ${show(name)}`, withMetadata(kind, 'name', name));
    for (const namespace of NAMESPACES) add(`${kind} namespace ${show(namespace)}`, withMetadata(kind, 'namespace', namespace));
    for (const key of KEYS) {
      add(`${kind} label key ${show(key)}`, withMetadata(kind, 'labels', { [key]: 'v' }));
      add(`${kind} annotation key ${show(key)}`, withMetadata(kind, 'annotations', { [key]: 'v' }));
    }
    for (const value of LABEL_VALUES) add(`${kind} label value ${show(value)}`, withMetadata(kind, 'labels', { a: value }));
    for (const value of ANNOTATION_VALUES) add(`${kind} annotation value ${show(value)}`, withMetadata(kind, 'annotations', { a: value }));
    for (const value of ANNOTATIONS) add(`${kind} annotations ${show(value)}`, withMetadata(kind, 'annotations', value));
    for (const value of TAGS) add(`${kind} tags ${show(value)}`, withMetadata(kind, 'tags', value));
    for (const value of LINKS) add(`${kind} links ${show(value)}`, withMetadata(kind, 'links', value));
    for (const field of ['title', 'description', 'uid', 'etag']) {
      for (const value of TEXTS) add(`${kind} ${field} ${show(value)}`, withMetadata(kind, field, value));
    }
    for (const apiVersion of API_VERSIONS) add(`${kind} apiVersion ${show(apiVersion)}`, { ...base(kind), apiVersion });
    for (const spelling of [kind.toLowerCase(), kind.toUpperCase(), `${kind}s`]) add(`${kind} spelt ${spelling}`, { ...base(kind), kind: spelling });
    for (const [field, value] of [['relations', []], ['status', {}], ['extra', 1], ['spec', 7], ['spec', []], ['spec', null], ['metadata', 'x']] as const) {
      add(`${kind} root ${field} ${show(value)}`, { ...base(kind), [field]: value });
    }
    const noSpec = base(kind);
    delete noSpec.spec;
    add(`${kind} without spec`, noSpec);

    for (const field of SPEC_FIELDS[kind]) {
      const missing = base(kind);
      delete (missing.spec as Record<string, unknown>)[field];
      add(`${kind} spec.${field} missing`, missing);
      for (const value of VALUES) {
        const document = base(kind);
        (document.spec as Record<string, unknown>)[field] = value;
        add(`${kind} spec.${field} ${show(value)}`, document);
      }
    }
  }
  for (const root of [7, 'text', null, [], [{}], true]) add(`document ${show(root)}`, root as unknown as Record<string, unknown>);
  add('no apiVersion', { kind: 'Component', metadata: { name: 'a' }, spec: {} });
  add('no kind', { apiVersion: 'backstage.io/v1alpha1', metadata: { name: 'a' } });
  add('no metadata', { apiVersion: 'backstage.io/v1alpha1', kind: 'Component' });
  add('empty', {});
  return variants;
}
