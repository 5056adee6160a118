import path from 'node:path';
import type { PluginDeclaration } from './kit/plugin/definePlugin';

/**
 * Every subgraph in the supergraph, one line each: `npm run new-plugin` adds the line.
 * Each plugin describes itself in `subgraphs/<name>/plugin.ts`; its code loads only
 * when `load` is called, so one subgraph's process never loads another's.
 */
export const SUBGRAPHS: readonly PluginDeclaration[] = [
  pluginIn('catalog'),
  pluginIn('cicd'),
  pluginIn('techdocs'),
  pluginIn('security'),
  pluginIn('scorecards'),
];

export function findSubgraph(name: string): PluginDeclaration {
  const entry = SUBGRAPHS.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`Unknown subgraph "${name}"; known: ${SUBGRAPHS.map((known) => known.name).join(', ')}`);
  return entry;
}

/** The declaration in `subgraphs/<folder>/plugin.ts`, which must name the folder it lives in. */
function pluginIn(folder: string): PluginDeclaration {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- one line per plugin needs no import line
  const { plugin } = require(path.join(__dirname, 'subgraphs', folder, 'plugin')) as { plugin?: PluginDeclaration };
  if (!plugin || plugin.name !== folder) throw new Error(`subgraphs/${folder}/plugin.ts must export \`plugin\` named "${folder}"`);
  return plugin;
}
