import { docsPath, entityDetailsPath, entityPath, parseRef, refLabel } from './entityPaths';
import { matchRoute } from './matchRoute';

describe('routes', () => {
  it('matches each page', () => {
    expect(matchRoute('/')).toEqual({ page: 'catalog' });
    expect(matchRoute('/entity/component/default/checkout-service')).toEqual({ page: 'entity', ref: 'component:default/checkout-service' });
    expect(matchRoute('/group/group/default/team-payments')).toEqual({ page: 'group', ref: 'group:default/team-payments' });
    expect(matchRoute('/docs/component/default/checkout-service/guides/setup.md')).toEqual({
      page: 'docs',
      ref: 'component:default/checkout-service',
      path: 'guides/setup.md',
    });
    expect(matchRoute('/docs/component/default/checkout-service')).toMatchObject({ page: 'docs', path: 'index.md' });
  });

  it('finds nothing for other paths', () => {
    expect(matchRoute('/entity/component')).toEqual({ page: 'notFound' });
    expect(matchRoute('/entity/component/default/a/b')).toEqual({ page: 'notFound' });
    expect(matchRoute('/group/component/default/a')).toEqual({ page: 'notFound' });
    expect(matchRoute('/elsewhere/a/b/c')).toEqual({ page: 'notFound' });
    expect(matchRoute('/entity/%E0%A4%A/x/y')).toEqual({ page: 'notFound' });
  });

  it('prints paths that match back to the same ref, escaping what needs it', () => {
    for (const ref of ['component:default/checkout-service', 'api:payments/orders-api', 'group:default/team-payments', 'resource:default/a b?c']) {
      const route = matchRoute(new URL(entityPath(ref), 'http://x').pathname);
      expect(route).toMatchObject({ ref });
    }
    expect(entityPath('group:default/team-payments')).toBe('/group/group/default/team-payments');
    expect(entityDetailsPath('group:default/team-payments')).toBe('/entity/group/default/team-payments');
    expect(docsPath('component:default/web-shop', 'guides/a b.md')).toBe('/docs/component/default/web-shop/guides/a%20b.md');
  });

  it('parses refs and labels them', () => {
    expect(parseRef('component:checkout-service')).toEqual({ kind: 'component', namespace: 'default', name: 'checkout-service' });
    expect(parseRef('no-kind')).toBeNull();
    expect(refLabel('group:default/team-payments')).toBe('team-payments');
    expect(refLabel('api:payments/orders')).toBe('payments/orders');
  });
});
