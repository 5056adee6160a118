import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from '../supergraph.config';

const root = path.resolve(__dirname, '..');

/** CODEOWNERS' `/path/ @owner...` lines as path -> owners (GitHub: the last matching line wins). */
function codeowners(): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const line of readFileSync(path.join(root, 'CODEOWNERS'), 'utf8').split('\n')) {
    const [pattern, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (pattern) owners.set(pattern, names);
  }
  return owners;
}

const folders = (parent: string) => readdirSync(path.join(root, parent)).filter((name) => statSync(path.join(root, parent, name)).isDirectory());

describe('CODEOWNERS', () => {
  const owners = codeowners();

  it.each([...folders('subgraphs').map((name) => `/subgraphs/${name}/`), ...folders('prisma').map((name) => `/prisma/${name}/`)])('names an owner for %s', (folder) => {
    expect(owners.get(folder)?.length).toBeGreaterThan(0);
  });

  it.each(SUBGRAPHS.map((plugin) => [plugin.name, plugin.team]))('gives %s to the team its plugin.ts declares (%s)', (name, team) => {
    expect(owners.get(`/subgraphs/${name}/`)).toEqual([team]);
    expect(owners.get(`/prisma/${name}/`)).toEqual([team]);
  });

  it('lists every plugin folder in supergraph.config.ts', () => {
    expect(folders('subgraphs').sort()).toEqual(SUBGRAPHS.map((plugin) => plugin.name).sort());
  });
});
