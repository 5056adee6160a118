/**
 * `npm run new-plugin -- <name> --team <@org/team>`: writes a minimal working plugin
 * (scripts/scaffold/pluginTemplate.ts) in subgraphs/<name> and prisma/<name>, its first
 * migration (with `npm run migration`'s engine), one line in supergraph.config.ts and one
 * in CODEOWNERS, then runs `npm run generate` so that `npm test` passes straight after.
 *   --no-generate   leave generating to the caller
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SUBGRAPHS } from '../supergraph.config';
import { diffMigrations } from './migrations/diffMigrations';
import { nextMigrationName } from './migrations/nextMigrationName';
import { checkPluginName, PluginNameError } from './scaffold/checkPluginName';
import { pluginTemplate } from './scaffold/pluginTemplate';
import { registerPlugin } from './scaffold/registerPlugin';

const USAGE = `Usage: npm run new-plugin -- <name> --team <@org/team> [--no-generate]
  <name>          the plugin: lower-case letters and digits (e.g. oncall)
  --team          the owning team as CODEOWNERS names it (e.g. @ensemble/oncall-team)
  --no-generate   do not run \`npm run generate\` afterwards`;

const root = path.resolve(__dirname, '..');

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { team: { type: 'string' }, 'no-generate': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) return console.log(USAGE);
  if (positionals.length !== 1) throw new PluginNameError(USAGE);
  const [name] = positionals;
  checkPluginName(root, name, values.team, SUBGRAPHS.map((plugin) => plugin.name));
  const team = values.team as string;
  const port = Math.max(...SUBGRAPHS.map((plugin) => plugin.port)) + 1;
  const folders = [path.join(root, 'subgraphs', name), path.join(root, 'prisma', name)];
  try {
    for (const [file, content] of Object.entries(pluginTemplate({ name, pascal: name[0].toUpperCase() + name.slice(1), team, port }))) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    }
    const prismaDir = path.join(root, 'prisma', name);
    const sql = await diffMigrations(prismaDir);
    if (sql === null) throw new Error(`the engine found nothing to create for prisma/${name}/schema.prisma`);
    const init = path.join(prismaDir, 'migrations', nextMigrationName(path.join(prismaDir, 'migrations'), 'init', new Date()));
    mkdirSync(init);
    writeFileSync(path.join(init, 'migration.sql'), sql);
  } catch (error) {
    // Nothing half-made stays behind: the name is free to try again.
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  registerPlugin(root, name, team);
  console.log(`Wrote subgraphs/${name} and prisma/${name}; added ${name} to supergraph.config.ts and ${team} to CODEOWNERS`);
  if (!values['no-generate']) execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'generate.ts')], { cwd: root, stdio: 'inherit' });
  console.log(`Next: npm test; npm start shows Entity.${name}Notes on every entity page. See subgraphs/${name}/README.md.`);
}

main().catch((error) => {
  const expected = error instanceof PluginNameError;
  console.error(expected ? error.message : `new-plugin failed: ${error instanceof Error ? error.message : error}`);
  process.exit(expected ? 2 : 1);
});
