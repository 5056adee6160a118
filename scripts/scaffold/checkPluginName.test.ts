import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkPluginName, PluginNameError } from './checkPluginName';

describe('checkPluginName', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'scaffold-'));
    for (const folder of ['subgraphs/cicd', 'prisma/cicd', 'prisma/orphan', 'clients/operations']) mkdirSync(path.join(root, folder), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const TEAM = '@ensemble/oncall-team';
  const check = (name: string, team: string | undefined = TEAM) => () => checkPluginName(root, name, team, ['cicd', 'listed']);

  it('accepts a free, valid name with a team', () => {
    expect(check('oncall')).not.toThrow();
  });

  it.each([
    ['On-Call', 'is not a valid plugin name'],
    ['../x', 'is not a valid plugin name'],
    ['x', 'is not a valid plugin name'],
    ['a'.repeat(31), 'is not a valid plugin name'],
    ['gateway', '"gateway" is a reserved word'],
    ['query', '"query" is a reserved word'],
    ['cicd', 'A plugin named "cicd" already exists'],
    ['listed', 'A plugin named "listed" already exists'],
    ['orphan', 'A plugin named "orphan" already exists'],
    ['operations', 'clients/operations exists'],
  ])('refuses %p: %s', (name, message) => {
    expect(check(name)).toThrow(PluginNameError);
    expect(check(name)).toThrow(message);
  });

  it('wants a team as CODEOWNERS names one', () => {
    expect(() => checkPluginName(root, 'oncall', undefined, [])).toThrow('--team is required');
    expect(check('oncall', 'oncall-team')).toThrow('--team "oncall-team" must be a GitHub team');
  });
});
