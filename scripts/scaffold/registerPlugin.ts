import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The scaffold's two edits outside the plugin's folders: one line in supergraph.config.ts's
 * list and one CODEOWNERS line giving the team both folders (`/*\/<name>/` matches
 * subgraphs/<name>/ and prisma/<name>/, and no other top-level folder has plugin folders).
 */
export function registerPlugin(root: string, name: string, team: string): void {
  const configPath = path.join(root, 'supergraph.config.ts');
  const config = readFileSync(configPath, 'utf8');
  const lines = config.split('\n');
  const start = lines.findIndex((line) => line.startsWith('export const SUBGRAPHS'));
  const end = lines.findIndex((line, index) => index > start && line === '];');
  if (start < 0 || end < 0) throw new Error('supergraph.config.ts has no `export const SUBGRAPHS ... = [ ... ];` list to add the plugin to');
  lines.splice(end, 0, `  pluginIn('${name}'),`);
  writeFileSync(configPath, lines.join('\n'));

  const ownersPath = path.join(root, 'CODEOWNERS');
  const owners = readFileSync(ownersPath, 'utf8');
  const pattern = `/*/${name}/`;
  // Aligned with the other lines' owners (column 28).
  writeFileSync(ownersPath, `${owners.replace(/\n*$/, '\n')}${pattern}${' '.repeat(Math.max(1, 27 - pattern.length))}${team}\n`);
}
