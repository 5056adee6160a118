import { describeEachDatabase, startTestSubgraphOn, type TestSubgraphOnDatabase } from '../../../kit/testing';
import { checkDefinition } from '../model/checkDefinition';
import { createScorecardsSubgraph } from '..';
import type { ScorecardsServices } from '../services';
import { defineCheck } from './defineCheck';
import { listChecks } from './listChecks';
import { removeCheck } from './removeCheck';

const DEFAULT_CHECKS = [
  ['has-owner', 'bronze'],
  ['lifecycle-set', 'bronze'],
  ['part-of-system', 'bronze'],
  ['ci-passing', 'silver'],
  ['has-docs', 'silver'],
  ['no-open-critical-vulnerabilities', 'silver'],
  ['build-success-rate', 'gold'],
  ['no-open-high-vulnerabilities', 'gold'],
];

describeEachDatabase('checks as data', (kind) => {
  let scorecards: TestSubgraphOnDatabase<ScorecardsServices>;
  const prisma = () => scorecards.subgraph.services.prisma;

  beforeAll(async () => {
    scorecards = await startTestSubgraphOn(kind, createScorecardsSubgraph());
  });
  afterAll(() => scorecards?.stop());

  it('starts with the default checks the migration seeds, by level then id, each runnable', async () => {
    const checks = await listChecks(prisma());
    expect(checks.map((check) => [check.id, check.level])).toEqual(DEFAULT_CHECKS);
    const critical = checks.find((check) => check.id === 'no-open-critical-vulnerabilities');
    expect(critical).toMatchObject({ rule: 'vulnerabilityLimit', params: { severity: 'critical', max: 0 }, appliesTo: ['component'] });
    // What the migration stored passes the same validation as the mutation.
    for (const check of checks) expect(() => checkDefinition(check)).not.toThrow();
  });

  it('defines a check, then replaces it by id, keeping when it was created', async () => {
    const input = { id: 'has-runbook', name: 'Links to a runbook', description: 'On call finds it.', level: 'GOLD', rule: 'hasLink', params: { matches: 'runbook' }, appliesTo: ['Component'] };
    const created = await defineCheck(prisma(), checkDefinition(input));
    expect(created).toMatchObject({ id: 'has-runbook', level: 'gold', params: { matches: 'runbook' }, appliesTo: ['component'] });
    const replaced = await defineCheck(prisma(), checkDefinition({ ...input, level: 'silver', params: { matches: 'playbook' }, appliesTo: ['component', 'api'] }));
    expect(replaced).toMatchObject({ level: 'silver', params: { matches: 'playbook' }, appliesTo: ['component', 'api'] });
    expect(replaced.createdAt).toEqual(created.createdAt);
    // One row, now listed among the silver checks.
    expect((await listChecks(prisma())).map((check) => check.id)).toEqual([
      'has-owner', 'lifecycle-set', 'part-of-system',
      'ci-passing', 'has-docs', 'has-runbook', 'no-open-critical-vulnerabilities',
      'build-success-rate', 'no-open-high-vulnerabilities',
    ]);
  });

  it('removes a check, and says so only once', async () => {
    expect(await removeCheck(prisma(), 'has-runbook')).toBe(true);
    expect(await removeCheck(prisma(), 'has-runbook')).toBe(false);
    expect((await listChecks(prisma())).map((check) => check.id)).not.toContain('has-runbook');
  });
});
