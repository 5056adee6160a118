import { known, unknown } from '../facts/fact';
import { checkFor, factsFor } from '../testing/factsFor';
import { evaluateScorecard } from './evaluateScorecard';
import { rollUpScorecards } from './rollUpScorecards';

const NOW = new Date('2026-12-10T12:00:00Z');
const CHECKS = [
  checkFor({ id: 'has-owner', rule: 'hasOwner', level: 'bronze' }),
  checkFor({ id: 'has-docs', rule: 'hasDocs', level: 'silver' }),
  checkFor({ id: 'no-critical', rule: 'vulnerabilityLimit', level: 'silver' }),
];
const card = (ref: string, overrides: Parameters<typeof factsFor>[0]) => evaluateScorecard(CHECKS, factsFor({ ref, ...overrides }), NOW)!;

describe('rollUpScorecards', () => {
  const payments = { owner: known({ ref: 'group:default/team-payments', exists: true }), system: known('system:default/checkout') };
  const cards = [
    card('component:default/a', payments),
    card('component:default/b', { ...payments, docsPageCount: known(0) }),
    card('component:default/c', { ...payments, openCritical: unknown('security down'), openHigh: unknown('security down') }),
    card('component:default/d', { owner: known(null), system: known('system:default/checkout') }),
  ];

  it('sums levels and each check per owner, entities without one last', () => {
    const rollup = rollUpScorecards(cards, 'OWNER', CHECKS);
    expect(rollup.map((group) => [group.groupRef, group.entityCount])).toEqual([['group:default/team-payments', 3], [null, 1]]);
    expect(rollup[0].levels).toEqual([
      { level: null, count: 0 },
      { level: 'bronze', count: 2 },
      { level: 'silver', count: 1 },
      { level: 'gold', count: 0 },
    ]);
    expect(rollup[0].checks.map(({ check, passed, failed, unknown: open }) => [check.id, passed, failed, open])).toEqual([
      ['has-owner', 3, 0, 0],
      ['has-docs', 2, 1, 0],
      ['no-critical', 2, 0, 1],
    ]);
    // 7 passed out of 8 decided: the unknown counts neither way.
    expect(rollup[0].passRate).toBeCloseTo(7 / 8);
    expect(rollup[1].levels[0]).toEqual({ level: null, count: 1 });
  });

  it('groups by system', () => {
    const rollup = rollUpScorecards(cards, 'SYSTEM', CHECKS);
    expect(rollup.map((group) => [group.groupRef, group.entityCount])).toEqual([['system:default/checkout', 4]]);
  });
});
