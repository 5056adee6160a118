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
        { field: 'spec.system', values: ['checkout'] },
        { field: 'metadata.annotations.a/b', values: ['x=y'] },
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
