/**
 * `npm run migrate -- [<name>...]`: applies the migrations of each named database (every
 * subgraph's and the registry's by default) and exits: the deploy's migrations Job, run
 * before new replicas start (docs/operations.md, "Upgrades"). Each database is
 * <NAME>_DATABASE_URL, or the embedded one in --data-dir. Replicas that start meanwhile
 * wait on the same advisory lock, so running it twice is harmless.
 */
import { parseArgs } from 'node:util';
import { applyMigrations, openDatabase } from '../kit';
import { createRegistry } from '../registry/createRegistry';
import { findSubgraph, SUBGRAPHS } from '../supergraph.config';
import { databaseUrlFor, exitWith, log, logAs } from './runtimeOptions';

const REGISTRY = 'registry';

const USAGE = `Usage: npm run migrate -- [<name>...] [--data-dir <dir>]
  <name>            ${[...SUBGRAPHS.map((entry) => entry.name), REGISTRY].join(', ')} (default: all of them)
  --data-dir <dir>  where embedded databases live, for those without <NAME>_DATABASE_URL (default: .data)`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'data-dir': { type: 'string', default: '.data' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) return console.log(USAGE);
  logAs('migrate');
  const names = positionals.length ? positionals : [...SUBGRAPHS.map((entry) => entry.name), REGISTRY];
  // Checked before anything runs: a typo must not leave half the databases migrated.
  const entries = names.map((name) => (name === REGISTRY ? null : findSubgraph(name)));
  for (const [index, entry] of entries.entries()) {
    const name = names[index];
    const databaseUrl = databaseUrlFor(name, { dataDir: values['data-dir'], inMemory: false });
    if (entry === null) {
      // The registry migrates as it opens.
      await (await createRegistry({ databaseUrl })).close();
      log(`registry: migrated`);
      continue;
    }
    const module = await entry.load(process.env);
    const database = await openDatabase(databaseUrl);
    try {
      const applied = await applyMigrations(database.sql, module.migrationsDir);
      log(`${name}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
    } finally {
      await database.close();
    }
  }
}

main().catch(exitWith);
