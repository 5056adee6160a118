import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export class PluginNameError extends Error {}

/**
 * Words a plugin may not be called: the repository's own top-level folders and the
 * platform's pieces (a plugin named `gateway` would read as the platform's), and GraphQL's
 * root and federation types (its type names start with the name).
 */
export const RESERVED_NAMES = new Set([
  'bench', 'bin', 'clients', 'demo', 'docs', 'gateway', 'kit', 'prisma', 'scripts', 'subgraphs', 'test',
  'cli', 'core', 'ensemble', 'generated', 'mcp', 'platform', 'plugin', 'plugins', 'registry', 'sdk', 'web',
  'entity', 'mutation', 'query', 'subscription', 'service', 'any', 'link', 'join',
]);

/** Lower-case letters and digits: a folder, an npm-script argument, a setting prefix and a GraphQL name all at once. */
const NAME = /^[a-z][a-z0-9]{1,29}$/;
const TEAM = /^@[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*$/i;

/** Throws PluginNameError saying what is wrong with a new plugin's name or team in `root`. */
export function checkPluginName(root: string, name: string, team: string | undefined, taken: readonly string[]): void {
  if (!NAME.test(name)) throw new PluginNameError(`"${name}" is not a valid plugin name: use 2 to 30 lower-case letters and digits, starting with a letter (e.g. oncall)`);
  if (RESERVED_NAMES.has(name)) throw new PluginNameError(`"${name}" is a reserved word; choose another plugin name`);
  if (taken.includes(name) || existsSync(path.join(root, 'subgraphs', name)) || existsSync(path.join(root, 'prisma', name))) {
    throw new PluginNameError(`A plugin named "${name}" already exists (subgraphs/${name} or prisma/${name}, or supergraph.config.ts)`);
  }
  // Its CODEOWNERS line, /*\/<name>/, must not take over another folder of that name.
  const clash = readdirSync(root, { withFileTypes: true }).find((entry) => entry.isDirectory() && !entry.name.startsWith('.') && existsSync(path.join(root, entry.name, name)));
  if (clash) throw new PluginNameError(`"${name}" is taken: ${clash.name}/${name} exists, and the plugin's CODEOWNERS line would claim it`);
  if (!team) throw new PluginNameError('--team is required: the team that owns the plugin, as CODEOWNERS names it (e.g. @ensemble/oncall-team)');
  if (!TEAM.test(team)) throw new PluginNameError(`--team "${team}" must be a GitHub team as CODEOWNERS names it, e.g. @ensemble/oncall-team`);
}
