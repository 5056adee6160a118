import { InputError } from '../../../kit';
import { known } from '../facts/fact';
import { factsFor } from '../testing/factsFor';
import { buildSuccessRate } from './buildSuccessRate';
import { ciPassing } from './ciPassing';
import { hasAnnotation } from './hasAnnotation';
import { hasDocs } from './hasDocs';
import { hasLink } from './hasLink';
import { hasOwner } from './hasOwner';
import { hasSystem } from './hasSystem';
import { lifecycle } from './lifecycle';
import type { Rule } from './rule';
import { RULES } from './ruleRegistry';
import { vulnerabilityLimit } from './vulnerabilityLimit';

/** Runs a rule as evaluateCheck does, on the known values of `facts`. */
function run(rule: Rule<any, any>, params: unknown, overrides: Parameters<typeof factsFor>[0] = {}) {
  const facts = factsFor(overrides);
  const values = Object.fromEntries(rule.facts.map((name: string) => [name, (facts as any)[name].value]));
  return rule.evaluate(values, rule.parseParams(params), facts);
}

describe('rules', () => {
  it('hasOwner: passes for an owner in the catalog, fails without one or for a dangling one', () => {
    expect(run(hasOwner, {})).toEqual({ status: 'PASS', reason: 'owned by group:default/team-storefront' });
    expect(run(hasOwner, {}, { owner: known(null) })).toEqual({ status: 'FAIL', reason: 'no owner declared' });
    expect(run(hasOwner, {}, { owner: known({ ref: 'group:default/ghosts', exists: false }) })).toEqual({
      status: 'FAIL',
      reason: 'its owner group:default/ghosts is not in the catalog',
    });
  });

  it('lifecycle: needs one, and honours allowed and forbidden values case-insensitively', () => {
    expect(run(lifecycle, {}).status).toBe('PASS');
    expect(run(lifecycle, {}, { lifecycle: known(null) })).toEqual({ status: 'FAIL', reason: 'no lifecycle set' });
    expect(run(lifecycle, { forbidden: ['Deprecated'] }, { lifecycle: known('deprecated') })).toEqual({
      status: 'FAIL',
      reason: 'lifecycle "deprecated" is not allowed',
    });
    expect(run(lifecycle, { allowed: ['production'] }, { lifecycle: known('experimental') }).status).toBe('FAIL');
    expect(run(lifecycle, { allowed: ['production'] }, { lifecycle: known('Production') }).status).toBe('PASS');
  });

  it('hasSystem and hasDocs', () => {
    expect(run(hasSystem, {})).toEqual({ status: 'PASS', reason: 'part of system:default/storefront' });
    expect(run(hasSystem, {}, { system: known(null) }).status).toBe('FAIL');
    expect(run(hasDocs, {})).toEqual({ status: 'PASS', reason: '3 doc pages' });
    expect(run(hasDocs, {}, { docsPageCount: known(0) })).toEqual({ status: 'FAIL', reason: 'no documentation published' });
    expect(run(hasDocs, { minPages: 5 })).toEqual({ status: 'FAIL', reason: '3 doc pages, fewer than 5' });
  });

  it('ciPassing: the last verdict on the default branch decides; no finished run fails', () => {
    expect(run(ciPassing, {}).status).toBe('PASS');
    expect(run(ciPassing, {}, { defaultBranchStatus: known('FAILED') }).reason).toBe('the last finished CI run on the default branch failed');
    expect(run(ciPassing, {}, { defaultBranchStatus: known(null) }).status).toBe('FAIL');
  });

  it('buildSuccessRate: compares with `min`, fails without finished runs', () => {
    expect(run(buildSuccessRate, { min: 0.9 })).toEqual({
      status: 'PASS',
      reason: '95% of the CI runs finished in the last 30 days succeeded (at least 90% needed)',
    });
    expect(run(buildSuccessRate, {}, { buildSuccessRate: known(0.875) }).status).toBe('FAIL');
    expect(run(buildSuccessRate, {}, { buildSuccessRate: known(null) })).toEqual({ status: 'FAIL', reason: 'no CI run finished in the last 30 days' });
  });

  it('vulnerabilityLimit: counts critical, or high and critical, against `max`', () => {
    expect(run(vulnerabilityLimit, { severity: 'critical', max: 0 })).toEqual({ status: 'PASS', reason: 'no open critical vulnerabilities' });
    expect(run(vulnerabilityLimit, { severity: 'critical' }, { openCritical: known(2), openHigh: known(1) })).toEqual({
      status: 'FAIL',
      reason: '2 open critical vulnerabilities (at most 0)',
    });
    expect(run(vulnerabilityLimit, { severity: 'high', max: 2 }, { openCritical: known(1), openHigh: known(2) })).toEqual({
      status: 'FAIL',
      reason: '3 open high or critical vulnerabilities (at most 2)',
    });
    expect(run(vulnerabilityLimit, { severity: 'high', max: 3 }, { openCritical: known(1), openHigh: known(2) }).status).toBe('PASS');
  });

  it('hasLink and hasAnnotation', () => {
    expect(run(hasLink, { matches: 'RUNBOOK' })).toEqual({ status: 'PASS', reason: 'links to "Runbook" https://runbooks.example.com/web-shop' });
    expect(run(hasLink, { matches: 'dashboard' }).status).toBe('FAIL');
    expect(run(hasAnnotation, { key: 'github.com/project-slug' }).status).toBe('PASS');
    expect(run(hasAnnotation, { key: 'pagerduty.com/service-id' })).toEqual({ status: 'FAIL', reason: 'annotation pagerduty.com/service-id is missing' });
  });

  it('refuses parameters a rule does not take, or of the wrong shape, as input errors', () => {
    expect(() => hasOwner.parseParams({ strict: true })).toThrow(InputError);
    expect(() => hasDocs.parseParams({ minPages: 0 })).toThrow(/"minPages" must be a number from 1/);
    expect(() => vulnerabilityLimit.parseParams({ severity: 'moderate' })).toThrow(/"critical" or "high"/);
    expect(() => hasLink.parseParams({})).toThrow(/"matches"/);
    expect(() => lifecycle.parseParams({ allowed: 'production' })).toThrow(/list of non-empty strings/);
    expect(() => buildSuccessRate.parseParams([0.9])).toThrow(/JSON object/);
  });

  it('lists every rule once by its name, each reading declared facts', () => {
    expect([...RULES.keys()].sort()).toEqual(
      ['buildSuccessRate', 'ciPassing', 'hasAnnotation', 'hasDocs', 'hasLink', 'hasOwner', 'hasSystem', 'lifecycle', 'vulnerabilityLimit'],
    );
    for (const rule of RULES.values()) expect(rule.facts.length).toBeGreaterThan(0);
  });
});
