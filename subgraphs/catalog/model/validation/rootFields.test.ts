import { findForeignRootFields, KNOWN_ROOT_FIELDS } from './rootFields';

describe('findForeignRootFields', () => {
  it('knows the four authored root fields by default', () => {
    expect(KNOWN_ROOT_FIELDS).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(findForeignRootFields({ apiVersion: 1, kind: 1, metadata: 1, spec: 1 })).toEqual([]);
  });

  it('rejects other fields with Backstage\'s message', () => {
    expect(findForeignRootFields({ kind: 1, spec2: {}, relations: [] })).toEqual([
      'Unknown field spec2',
      'Unknown field relations',
    ]);
  });

  it('accepts a custom list of fields', () => {
    expect(findForeignRootFields({ relations: [], status: {} }, [...KNOWN_ROOT_FIELDS, 'relations', 'status'])).toEqual(
      [],
    );
  });
});
