import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from '../supergraph.config';

const root = path.resolve(__dirname, '..');

/**
 * Who owns a folder (`/subgraphs/cicd/`) by CODEOWNERS, as GitHub reads the patterns used
 * there: anchored at `/`, `*` within one path segment, the last matching line wins.
 */
function ownersOf(folder: string): string[] | undefined {
  let owners: string[] | undefined;
  for (const line of readFileSync(path.join(root, 'CODEOWNERS'), 'utf8').split('\n')) {
    const [pattern, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!pattern) continue;
    const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
    if (new RegExp(`^${source}`).test(folder)) owners = names;
  }
  return owners;
}

const folders = (parent: string) => readdirSync(path.join(root, parent)).filter((name) => statSync(path.join(root, parent, name)).isDirectory());

describe('CODEOWNERS', () => {
  it.each([...folders('subgraphs').map((name) => `/subgraphs/${name}/`), ...folders('prisma').map((name) => `/prisma/${name}/`)])('names an owner for %s', (folder) => {
    expect(ownersOf(folder)?.length).toBeGreaterThan(0);
  });

  it.each(SUBGRAPHS.map((plugin) => [plugin.name, plugin.team]))('gives %s to the team its plugin.ts declares (%s)', (name, team) => {
    expect(ownersOf(`/subgraphs/${name}/`)).toEqual([team]);
    expect(ownersOf(`/prisma/${name}/`)).toEqual([team]);
  });

  it('lists every plugin folder in supergraph.config.ts', () => {
    expect(folders('subgraphs').sort()).toEqual(SUBGRAPHS.map((plugin) => plugin.name).sort());
  });
});
