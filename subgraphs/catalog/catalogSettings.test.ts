import { catalogOptionsFrom } from './catalogSettings';

describe('catalogOptionsFrom', () => {
  it('reads hosts, refresh interval and orphan policy', () => {
    expect(catalogOptionsFrom({ CATALOG_READ_ALLOW: 'github.com, *.example.com,', CATALOG_REFRESH_SECONDS: '30', CATALOG_ORPHANS: 'keep' })).toEqual({
      readAllowHosts: ['github.com', '*.example.com'],
      refreshIntervalMs: 30_000,
      orphans: { strategy: 'keep', graceMs: 0 },
    });
    expect(catalogOptionsFrom({})).toEqual({});
  });

  it('reads the local roots, comma-separated', () => {
    expect(catalogOptionsFrom({ CATALOG_LOCAL_ROOTS: '/srv/catalog, /srv/more,' })).toEqual({ localRoots: ['/srv/catalog', '/srv/more'] });
  });

  it('refuses values it cannot mean', () => {
    expect(() => catalogOptionsFrom({ CATALOG_REFRESH_SECONDS: 'soon' })).toThrow(/CATALOG_REFRESH_SECONDS/);
    expect(() => catalogOptionsFrom({ CATALOG_ORPHANS: 'maybe' })).toThrow(/CATALOG_ORPHANS/);
  });
});
