import { leanPathSupport, TESTED_APOLLO_VERSIONS } from './apolloInternals';

describe('leanPathSupport', () => {
  it('allows the lean path on the installed packages, which are the tested ones', () => {
    expect(leanPathSupport()).toEqual({ supported: true });
  });

  it('turns it off, naming each package, on a version it was not tested with', () => {
    const installed = (name: string) => (name === '@apollo/gateway' ? '2.15.0' : name === '@apollo/query-planner' ? undefined : TESTED_APOLLO_VERSIONS[name]);
    expect(leanPathSupport(installed)).toEqual({
      supported: false,
      reason:
        'lean path off: it relies on Apollo internals and was not tested with @apollo/gateway 2.15.0 (tested: 2.14.4), @apollo/query-planner not found (tested: 2.14.4)',
    });
  });
});
