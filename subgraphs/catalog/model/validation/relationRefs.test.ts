import type { Entity } from '../entityTypes';
import { findBadRelationRefs } from './relationRefs';

function component(spec: Record<string, unknown>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'c', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a', ...spec },
  };
}

describe('findBadRelationRefs', () => {
  it('accepts short and full refs', () => {
    expect(findBadRelationRefs(component({ system: 'audio', dependsOn: ['resource:db', 'component:ns/x'] }))).toEqual([]);
  });

  it('rejects dependsOn refs without a kind, since that field has no default kind', () => {
    expect(findBadRelationRefs(component({ dependsOn: ['my-db'], dependencyOf: ['ns/other'] }))).toEqual([
      'Entity reference "my-db" had missing or empty kind (e.g. did not start with "component:" or similar)',
      'Entity reference "ns/other" had missing or empty kind (e.g. did not start with "component:" or similar)',
    ]);
  });

  it('rejects malformed refs with Backstage\'s message', () => {
    expect(findBadRelationRefs(component({ owner: 'group:', providesApis: [':x'] }))).toEqual([
      'Entity reference "group:" was not on the form [<kind>:][<namespace>/]<name>',
      'Entity reference ":x" was not on the form [<kind>:][<namespace>/]<name>',
    ]);
  });

  it('ignores kinds without relation fields', () => {
    const custom: Entity = { ...component({ dependsOn: ['no-kind'] }), kind: 'Widget' };
    expect(findBadRelationRefs(custom)).toEqual([]);
  });
});
