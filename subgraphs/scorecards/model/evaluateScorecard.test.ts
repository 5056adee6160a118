import { known, unknown } from '../facts/fact';
import { checkFor, factsFor } from '../testing/factsFor';
import { factsReadBy } from './evaluateCheck';
import { evaluateScorecard } from './evaluateScorecard';

const NOW = new Date('2026-12-10T12:00:00Z');

const CHECKS = [
  checkFor({ id: 'has-owner', rule: 'hasOwner', level: 'bronze' }),
  checkFor({ id: 'lifecycle-set', rule: 'lifecycle', level: 'bronze' }),
  checkFor({ id: 'has-docs', rule: 'hasDocs', level: 'silver' }),
  checkFor({ id: 'no-critical', rule: 'vulnerabilityLimit', level: 'silver', params: { severity: 'critical', max: 0 } }),
  checkFor({ id: 'success-rate', rule: 'buildSuccessRate', level: 'gold', params: { min: 0.9 } }),
];

const summary = (card: ReturnType<typeof evaluateScorecard>) => ({
  level: card?.level,
  nextLevel: card?.nextLevel,
  certain: card?.certain,
  blockedBy: card?.blockedBy.map((result) => `${result.check.id}:${result.status}`),
});

describe('evaluateScorecard', () => {
  it('reaches the highest level whose checks and those below all pass', () => {
    expect(summary(evaluateScorecard(CHECKS, factsFor(), NOW))).toEqual({ level: 'gold', nextLevel: null, certain: true, blockedBy: [] });
    const noDocs = evaluateScorecard(CHECKS, factsFor({ docsPageCount: known(0) }), NOW);
    expect(summary(noDocs)).toEqual({ level: 'bronze', nextLevel: 'silver', certain: true, blockedBy: ['has-docs:FAIL'] });
    // A gold check passing does not lift an entity stuck below it.
    expect(noDocs?.results.find((result) => result.check.id === 'success-rate')?.status).toBe('PASS');
    expect(summary(evaluateScorecard(CHECKS, factsFor({ owner: known(null) }), NOW))).toMatchObject({ level: null, nextLevel: 'bronze' });
  });

  it('makes a check whose fact is unknown UNKNOWN, not FAIL: it blocks the level, which is then not certain', () => {
    const card = evaluateScorecard(CHECKS, factsFor({ openCritical: unknown('Subgraph "security" is unavailable'), openHigh: unknown('Subgraph "security" is unavailable') }), NOW);
    expect(card?.results.find((result) => result.check.id === 'no-critical')).toMatchObject({
      status: 'UNKNOWN',
      reason: 'Subgraph "security" is unavailable',
    });
    expect(summary(card)).toEqual({ level: 'bronze', nextLevel: 'silver', certain: false, blockedBy: ['no-critical:UNKNOWN'] });
    // With a FAIL beside it, the level is certain: knowing would not lift it.
    const alsoFailing = evaluateScorecard(CHECKS, factsFor({ docsPageCount: known(0), openCritical: unknown('down'), openHigh: unknown('down') }), NOW);
    expect(summary(alsoFailing)).toEqual({ level: 'bronze', nextLevel: 'silver', certain: true, blockedBy: ['has-docs:FAIL', 'no-critical:UNKNOWN'] });
  });

  it('skips levels without checks for the kind, and sorts results by level then id', () => {
    const bronzeOnly = evaluateScorecard(CHECKS.slice(0, 2), factsFor(), NOW);
    expect(summary(bronzeOnly)).toEqual({ level: 'bronze', nextLevel: null, certain: true, blockedBy: [] });
    const shuffled = evaluateScorecard([...CHECKS].reverse(), factsFor(), NOW);
    expect(shuffled?.results.map((result) => result.check.id)).toEqual(['has-owner', 'lifecycle-set', 'has-docs', 'no-critical', 'success-rate']);
  });

  it('keeps owner and system for roll-ups, null when unknown', () => {
    expect(evaluateScorecard(CHECKS, factsFor(), NOW)).toMatchObject({ owner: 'group:default/team-storefront', system: 'system:default/storefront' });
    expect(evaluateScorecard(CHECKS, factsFor({ owner: unknown('catalog down') }), NOW)).toMatchObject({ owner: null });
  });

  it('has no scorecard without checks', () => {
    expect(evaluateScorecard([], factsFor(), NOW)).toBeNull();
  });

  it('reports a stored check it cannot run as UNKNOWN, saying why', () => {
    const card = evaluateScorecard(
      [checkFor({ id: 'odd', rule: 'noSuchRule' }), checkFor({ id: 'bad', rule: 'hasDocs', params: { minPages: -1 } })],
      factsFor(),
      NOW,
    );
    expect(card?.results.map(({ status, reason }) => ({ status, reason }))).toEqual([
      { status: 'UNKNOWN', reason: 'the check\'s parameters are wrong: hasDocs: "minPages" must be a number from 1 to 10000' },
      { status: 'UNKNOWN', reason: 'the check names an unknown rule "noSuchRule"' },
    ]);
  });

  it('asks the graph only for the facts the checks read', () => {
    expect([...factsReadBy(CHECKS.slice(0, 3))].sort()).toEqual(['docsPageCount', 'lifecycle', 'owner']);
  });
});
