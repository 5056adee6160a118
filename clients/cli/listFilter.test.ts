import { buildEntityFilter, parseOrderBy } from './listFilter';

describe('buildEntityFilter', () => {
  it('turns flags into one filter: flags AND, repeated keys OR', () => {
    expect(
      buildEntityFilter({
        kind: ['component'],
        owner: ['team-a'],
        filter: ['spec.lifecycle=production', 'spec.system=checkout', 'spec.lifecycle=experimental', 'metadata.annotations.a/b=x=y'],
        missing: ['spec.system'],
      }),
    ).toEqual({
      kind: ['component'],
      owner: ['team-a'],
      missingField: ['spec.system'],
      field: [
        { field: 'spec.lifecycle', values: ['production', 'experimental'] },
        { field: 'relations.partOf', values: ['system:checkout'] },
        { field: 'metadata.annotations.a/b', values: ['x=y'] },
      ],
    });
  });

  it('filters a ref-holding spec field by the relation it implies, so both spellings of a ref match', () => {
    expect(buildEntityFilter({ filter: ['spec.system=checkout', 'spec.system=system:default/shop', 'spec.owner=user:jane', 'spec.dependsOn=resource:db'] })).toEqual({
      field: [
        { field: 'relations.partOf', values: ['system:checkout', 'system:default/shop'] },
        { field: 'relations.ownedBy', values: ['user:jane'] },
        { field: 'relations.dependsOn', values: ['resource:db'] },
      ],
    });
  });

  it('gives an empty filter for no flags, and refuses a pair without key or value', () => {
    expect(buildEntityFilter({})).toEqual({});
    expect(() => buildEntityFilter({ filter: ['=x'] })).toThrow(/key=value/);
    expect(() => buildEntityFilter({ filter: ['spec.type='] })).toThrow(/key=value/);
  });
});

describe('parseOrderBy', () => {
  it('reads a field with an optional direction', () => {
    expect(parseOrderBy(undefined)).toBeUndefined();
    expect(parseOrderBy('name')).toEqual({ field: 'name', direction: 'ASC' });
    expect(parseOrderBy('metadata.title:DESC')).toEqual({ field: 'metadata.title', direction: 'DESC' });
  });
});
