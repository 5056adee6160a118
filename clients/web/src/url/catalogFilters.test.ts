import { filtersFromSearch, NO_FILTERS, sameSelection, searchFromFilters } from './catalogFilters';

describe('catalog filters in the URL', () => {
  it('reads every filter, lists as repeated params', () => {
    const filters = filtersFromSearch('?kind=Component&kind=API&type=service&owner=group%3Adefault%2Fteam-payments&lifecycle=production&tag=java&tag=payments&q=check+serv&after=abc');
    expect(filters).toEqual({
      kind: ['Component', 'API'],
      type: ['service'],
      owner: ['group:default/team-payments'],
      lifecycle: ['production'],
      tags: ['java', 'payments'],
      text: 'check serv',
      after: 'abc',
    });
  });

  it('reads an empty search as no filters, and prints no filters as an empty search', () => {
    expect(filtersFromSearch('')).toEqual(NO_FILTERS);
    expect(filtersFromSearch('?')).toEqual(NO_FILTERS);
    expect(searchFromFilters(NO_FILTERS)).toBe('');
  });

  it('round-trips, in one fixed order whatever order the filters were set in', () => {
    const search = searchFromFilters({ ...NO_FILTERS, tags: ['a b', 'c&d'], kind: ['Component'], text: ' orders ', after: 'x/y=' });
    expect(search).toBe('?q=orders&kind=Component&tag=a+b&tag=c%26d&after=x%2Fy%3D');
    expect(filtersFromSearch(search)).toEqual({ ...NO_FILTERS, tags: ['a b', 'c&d'], kind: ['Component'], text: 'orders', after: 'x/y=' });
  });

  it('drops blank and repeated values and ignores params it does not know', () => {
    expect(filtersFromSearch('?kind=&kind=API&kind=API&foo=bar&tag=%20')).toEqual({ ...NO_FILTERS, kind: ['API'] });
  });

  it('compares selections without the page cursor', () => {
    expect(sameSelection({ ...NO_FILTERS, kind: ['API'], after: 'a' }, { ...NO_FILTERS, kind: ['API'] })).toBe(true);
    expect(sameSelection({ ...NO_FILTERS, kind: ['API'] }, { ...NO_FILTERS, kind: ['Component'] })).toBe(false);
  });
});
