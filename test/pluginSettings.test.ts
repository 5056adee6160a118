import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from '../supergraph.config';

const root = path.resolve(__dirname, '..');

/** The `settings.NAME` a plugin's code reads (its load and option parsers take the settings as `settings`). */
function settingsRead(folder: string): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'generated') walk(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        for (const match of readFileSync(file, 'utf8').matchAll(/\bsettings\.([A-Z][A-Z0-9_]+)/g)) names.add(match[1]);
      }
    }
  };
  walk(folder);
  return [...names].sort();
}

describe('plugin settings', () => {
  it.each(SUBGRAPHS.map((plugin) => [plugin.name, plugin]))('%s declares every setting its code reads', (name, plugin) => {
    const declared = plugin.settings.map((setting) => setting.name);
    for (const read of settingsRead(path.join(root, 'subgraphs', name))) expect(declared).toContain(read);
  });

  it('finds the settings code reads (the catalog parses seven)', () => {
    expect(settingsRead(path.join(root, 'subgraphs', 'catalog'))).toEqual([
      'CATALOG_ALLOWED_KINDS',
      'CATALOG_EVENTS_RETENTION_DAYS',
      'CATALOG_EXPERIMENTAL_KINDS',
      'CATALOG_LOCAL_ROOTS',
      'CATALOG_ORPHANS',
      'CATALOG_READ_ALLOW',
      'CATALOG_REFRESH_SECONDS',
    ]);
  });
});
