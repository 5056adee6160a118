/**
 * `npm run migration -- <plugin> <name>`: writes the next migration of one plugin's
 * database, offline, as `prisma/<plugin>/migrations/<timestamp>_<name>/migration.sql`:
 * the SQL that takes its existing migrations to its `schema.prisma` (scripts/migrations/
 * diffMigrations.ts). Review the SQL before committing it.
 *
 * `npm run migration -- --check [<plugin>...]`: exits 1 when any plugin's migrations do not
 * yield exactly its `schema.prisma` (default: every plugin with a prisma/<name> folder),
 * apart from what its `known-drift.sql` accepts (scripts/migrations/withoutKnownDrift.ts).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffMigrations } from './migrations/diffMigrations';
import { MigrationNameError, nextMigrationName } from './migrations/nextMigrationName';
import { withoutKnownDrift } from './migrations/withoutKnownDrift';

const USAGE = `Usage: npm run migration -- <plugin> <name>     write the next migration from the change to prisma/<plugin>/schema.prisma
       npm run migration -- --check [<plugin>...]  fail when migrations and schema.prisma differ
  --root <dir>   the repository (default: this one)`;

class UsageError extends Error {}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { check: { type: 'boolean', default: false }, root: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) return console.log(USAGE);
  const prismaRoot = path.join(path.resolve(values.root ?? path.resolve(__dirname, '..')), 'prisma');
  if (values.check) return check(prismaRoot, positionals.length ? positionals : plugins(prismaRoot));
  if (positionals.length !== 2) throw new UsageError(USAGE);
  const [plugin, name] = positionals;
  const prismaDir = pluginDir(prismaRoot, plugin);
  const folder = nextMigrationName(path.join(prismaDir, 'migrations'), name, new Date());
  const { sql, knownDrift } = withoutKnownDrift(prismaDir, await diffMigrations(prismaDir));
  if (sql === null) {
    console.log(`${plugin}: schema.prisma matches its migrations; nothing to write`);
    return;
  }
  if (knownDrift) console.warn(`${plugin}: the SQL below includes statements from prisma/${plugin}/known-drift.sql; delete them before committing`);
  mkdirSync(path.join(prismaDir, 'migrations', folder), { recursive: true });
  const file = path.join(prismaDir, 'migrations', folder, 'migration.sql');
  writeFileSync(file, sql);
  console.log(`Wrote ${path.relative(process.cwd(), file)}; review it, then commit it with schema.prisma\n\n${sql}`);
}

async function check(prismaRoot: string, names: string[]) {
  let drifted = 0;
  for (const plugin of names) {
    const prismaDir = pluginDir(prismaRoot, plugin);
    const { sql, knownDrift } = withoutKnownDrift(prismaDir, await diffMigrations(prismaDir));
    if (sql === null) console.log(`${plugin}: migrations match schema.prisma${knownDrift ? ' (apart from known-drift.sql)' : ''}`);
    else {
      drifted += 1;
      console.log(`${plugin}: schema.prisma differs from its migrations; \`npm run migration -- ${plugin} <name>\` would write:\n${sql}`);
    }
  }
  if (drifted) process.exitCode = 1;
}

/** prisma/<plugin>, for a plugin name only: no path of the caller's choosing. */
function pluginDir(prismaRoot: string, plugin: string): string {
  if (!/^[a-z][a-z0-9]*$/.test(plugin)) throw new UsageError(`"${plugin}" is not a plugin name (lower-case letters and digits)`);
  const dir = path.join(prismaRoot, plugin);
  if (!existsSync(path.join(dir, 'schema.prisma'))) throw new UsageError(`No prisma/${plugin}/schema.prisma; plugins with one: ${plugins(prismaRoot).join(', ')}`);
  return dir;
}

function plugins(prismaRoot: string): string[] {
  return readdirSync(prismaRoot).filter((name) => existsSync(path.join(prismaRoot, name, 'schema.prisma'))).sort();
}

main().catch((error) => {
  const expected = error instanceof UsageError || error instanceof MigrationNameError;
  console.error(expected ? error.message : error);
  process.exit(expected ? 2 : 1);
});
