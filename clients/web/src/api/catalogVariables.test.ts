import { NO_FILTERS } from '../url/catalogFilters';
import { catalogVariables, entityFilterOf, PAGE_SIZE } from './catalogVariables';

describe('catalog query variables', () => {
  it('asks for everything when nothing is chosen', () => {
    expect(catalogVariables(NO_FILTERS)).toEqual({
      filter: null,
      first: PAGE_SIZE,
      after: null,
      kindFilter: null,
      typeFilter: null,
      ownerFilter: null,
      lifecycleFilter: null,
    });
  });

  it('counts each facet over the filter without its own field, and tags over the full filter', () => {
    const filters = { ...NO_FILTERS, kind: ['Component'], lifecycle: ['production'], tags: ['java'], text: 'pay', after: 'c1' };
    const variables = catalogVariables(filters);
    expect(variables.filter).toEqual({ kind: ['Component'], lifecycle: ['production'], tags: ['java'], text: 'pay' });
    expect(variables.after).toBe('c1');
    expect(variables.kindFilter).toEqual({ lifecycle: ['production'], tags: ['java'], text: 'pay' });
    expect(variables.lifecycleFilter).toEqual({ kind: ['Component'], tags: ['java'], text: 'pay' });
    expect(variables.typeFilter).toEqual(variables.filter);
  });

  it('leaves out the one field asked', () => {
    expect(entityFilterOf({ ...NO_FILTERS, owner: ['team-a'] }, 'owner')).toBeNull();
  });
});
