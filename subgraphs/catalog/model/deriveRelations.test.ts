import type { Entity } from './entityTypes';
import { deriveRelations } from './deriveRelations';
import * as relationTypes from './relationTypes';

function entity(kind: string, spec: Record<string, unknown>, namespace?: string, apiVersion = 'backstage.io/v1alpha1'): Entity {
  return { apiVersion, kind, metadata: { name: 'me', ...(namespace ? { namespace } : {}) }, spec };
}

/** "source type target" lines, easier to read in failures. */
function lines(e: Entity): string[] {
  return deriveRelations(e).map(r => `${r.sourceRef} ${r.type} ${r.targetRef}`);
}

describe('relation type names', () => {
  it('are Backstage\'s', () => {
    expect(Object.values(relationTypes).sort()).toEqual(
      [
        'apiConsumedBy', 'apiProvidedBy', 'childOf', 'consumesApi', 'dependencyOf', 'dependsOn', 'hasMember',
        'hasPart', 'memberOf', 'ownedBy', 'ownerOf', 'parentOf', 'partOf', 'providesApi',
      ].sort(),
    );
  });
});

describe('deriveRelations', () => {
  it('derives every Component relation in both directions, with default kinds', () => {
    const spec = {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-a',
      subcomponentOf: 'parent-app',
      providesApis: ['petstore'],
      consumesApis: ['api:other/weather'],
      dependsOn: ['resource:db'],
      dependencyOf: ['component:frontend'],
      system: 'audio',
    };
    expect(lines(entity('Component', spec))).toEqual([
      'component:default/me ownedBy group:default/team-a',
      'group:default/team-a ownerOf component:default/me',
      'component:default/me partOf component:default/parent-app',
      'component:default/parent-app hasPart component:default/me',
      'component:default/me providesApi api:default/petstore',
      'api:default/petstore apiProvidedBy component:default/me',
      'component:default/me consumesApi api:other/weather',
      'api:other/weather apiConsumedBy component:default/me',
      'component:default/me dependsOn resource:default/db',
      'resource:default/db dependencyOf component:default/me',
      'component:default/me dependencyOf component:default/frontend',
      'component:default/frontend dependsOn component:default/me',
      'component:default/me partOf system:default/audio',
      'system:default/audio hasPart component:default/me',
    ]);
  });

  it('gives short refs the entity\'s own namespace, and keeps explicit ones', () => {
    expect(lines(entity('API', { owner: 'user:jdoe', system: 'shared/platform' }, 'payments'))).toEqual([
      'api:payments/me ownedBy user:payments/jdoe',
      'user:payments/jdoe ownerOf api:payments/me',
      'api:payments/me partOf system:shared/platform',
      'system:shared/platform hasPart api:payments/me',
    ]);
  });

  it('lower-cases every ref', () => {
    expect(lines(entity('Domain', { owner: 'Group:Default/Team-A' }))[0]).toBe(
      'domain:default/me ownedBy group:default/team-a',
    );
  });

  it('derives Resource relations', () => {
    expect(lines(entity('Resource', { owner: 'a', dependsOn: ['resource:b'], dependencyOf: ['component:c'], system: 's' }))).toEqual([
      'resource:default/me ownedBy group:default/a',
      'group:default/a ownerOf resource:default/me',
      'resource:default/me dependsOn resource:default/b',
      'resource:default/b dependencyOf resource:default/me',
      'resource:default/me dependencyOf component:default/c',
      'component:default/c dependsOn resource:default/me',
      'resource:default/me partOf system:default/s',
      'system:default/s hasPart resource:default/me',
    ]);
  });

  it('derives System and Domain relations', () => {
    expect(lines(entity('System', { owner: 'a', domain: 'd' }))).toEqual([
      'system:default/me ownedBy group:default/a',
      'group:default/a ownerOf system:default/me',
      'system:default/me partOf domain:default/d',
      'domain:default/d hasPart system:default/me',
    ]);
    expect(lines(entity('Domain', { owner: 'a', subdomainOf: 'top' }))).toEqual([
      'domain:default/me ownedBy group:default/a',
      'group:default/a ownerOf domain:default/me',
      'domain:default/me partOf domain:default/top',
      'domain:default/top hasPart domain:default/me',
    ]);
  });

  it('derives User and Group membership and hierarchy', () => {
    expect(lines(entity('User', { memberOf: ['team-a', 'group:ops/sre'] }))).toEqual([
      'user:default/me memberOf group:default/team-a',
      'group:default/team-a hasMember user:default/me',
      'user:default/me memberOf group:ops/sre',
      'group:ops/sre hasMember user:default/me',
    ]);
    expect(lines(entity('Group', { type: 'team', parent: 'org', children: ['sub'], members: ['jdoe'] }))).toEqual([
      'group:default/me childOf group:default/org',
      'group:default/org parentOf group:default/me',
      'group:default/me parentOf group:default/sub',
      'group:default/sub childOf group:default/me',
      'group:default/me hasMember user:default/jdoe',
      'user:default/jdoe memberOf group:default/me',
    ]);
  });

  it('derives Template ownership from spec.owner only, as the scaffolder does', () => {
    const v1beta3 = 'scaffolder.backstage.io/v1beta3';
    expect(lines(entity('Template', { owner: 'a', steps: [] }, undefined, v1beta3))).toEqual([
      'template:default/me ownedBy group:default/a',
      'group:default/a ownerOf template:default/me',
    ]);
    expect(lines(entity('Template', { owner: 'a', owners: ['user:b'] }, undefined, v1beta3))).toEqual([
      'template:default/me ownedBy group:default/a',
      'group:default/a ownerOf template:default/me',
    ]);
    expect(lines(entity('Template', { owners: ['user:b'] }, undefined, v1beta3))).toEqual([]);
    expect(lines(entity('Template', { owner: 'a' }, undefined, 'backstage.io/v1beta2'))).toEqual([]);
  });

  it('derives nothing for Location, unknown kinds or empty fields', () => {
    expect(lines(entity('Location', { target: './x.yaml' }))).toEqual([]);
    expect(lines(entity('AiResource', { owner: 'team-a', system: 's' }))).toEqual([]);
    expect(lines(entity('System', { owner: '', domain: undefined }))).toEqual([]);
    expect(lines({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'x' } })).toEqual([]);
  });

  it('skips unresolved placeholders, which point nowhere yet', () => {
    expect(lines(entity('System', { owner: { $text: './OWNER' } }))).toEqual([]);
    expect(lines(entity('User', { memberOf: [{ $text: './g' }, 'team-a'] }))).toEqual([
      'user:default/me memberOf group:default/team-a',
      'group:default/team-a hasMember user:default/me',
    ]);
  });

  it('matches the kind exactly, as Backstage does', () => {
    expect(lines(entity('component', { owner: 'team-a' }))).toEqual([]);
  });

  it('lists each relation once', () => {
    expect(lines(entity('Group', { type: 't', children: ['a', 'A', 'group:a'] }))).toEqual([
      'group:default/me parentOf group:default/a',
      'group:default/a childOf group:default/me',
    ]);
  });

  it('throws Backstage\'s TypeError for a ref it cannot parse, deriving nothing', () => {
    const bad = entity('Component', { owner: 'team-a', dependsOn: ['my-db'] });
    expect(() => deriveRelations(bad)).toThrow(TypeError);
    expect(() => deriveRelations(bad)).toThrow(
      'Entity reference "my-db" had missing or empty kind (e.g. did not start with "component:" or similar)',
    );
    expect(() => deriveRelations(entity('User', { memberOf: ['group:'] }))).toThrow(/was not on the form/);
  });
});
