import { catalogOptionsFrom } from './catalogSettings';

describe('catalogOptionsFrom', () => {
  it('reads hosts, refresh interval and orphan policy', () => {
    expect(catalogOptionsFrom({ CATALOG_READ_ALLOW: 'github.com, *.example.com,', CATALOG_REFRESH_SECONDS: '30', CATALOG_ORPHANS: 'keep' })).toEqual({
      readAllowHosts: ['github.com', '*.example.com'],
      refreshIntervalMs: 30_000,
      orphans: { strategy: 'keep', graceMs: 0 },
    });
    expect(catalogOptionsFrom({})).toEqual({});
    expect(catalogOptionsFrom({ CATALOG_EVENTS_RETENTION_DAYS: '7' })).toEqual({ eventRetentionMs: 7 * 24 * 3_600_000 });
  });

  it('reads the local roots, comma-separated', () => {
    expect(catalogOptionsFrom({ CATALOG_LOCAL_ROOTS: '/srv/catalog, /srv/more,' })).toEqual({ localRoots: ['/srv/catalog', '/srv/more'] });
  });

  it('reads the kind rules: an allow-list of kinds and Backstage\'s opt-in schemas', () => {
    expect(catalogOptionsFrom({ CATALOG_ALLOWED_KINDS: 'Component, API,', CATALOG_EXPERIMENTAL_KINDS: 'true' })).toEqual({
      kindRules: { allowedKinds: ['Component', 'API'], experimentalKinds: true },
    });
    expect(() => catalogOptionsFrom({ CATALOG_ALLOWED_KINDS: 'Component,bad kind' })).toThrow(/CATALOG_ALLOWED_KINDS/);
    expect(() => catalogOptionsFrom({ CATALOG_ALLOWED_KINDS: Array.from({ length: 101 }, (_, i) => `K${i}`).join(',') })).toThrow(/at most 100/);
    expect(() => catalogOptionsFrom({ CATALOG_EXPERIMENTAL_KINDS: 'yes' })).toThrow(/CATALOG_EXPERIMENTAL_KINDS/);
  });

  it('refuses values it cannot mean', () => {
    expect(() => catalogOptionsFrom({ CATALOG_REFRESH_SECONDS: 'soon' })).toThrow(/CATALOG_REFRESH_SECONDS/);
    expect(() => catalogOptionsFrom({ CATALOG_ORPHANS: 'maybe' })).toThrow(/CATALOG_ORPHANS/);
    expect(() => catalogOptionsFrom({ CATALOG_EVENTS_RETENTION_DAYS: '0' })).toThrow(/CATALOG_EVENTS_RETENTION_DAYS/);
    expect(() => catalogOptionsFrom({ CATALOG_EVENTS_RETENTION_DAYS: 'forever' })).toThrow(/CATALOG_EVENTS_RETENTION_DAYS/);
  });
});
