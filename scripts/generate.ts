/**
 * `npm run generate` (also run by `npm install`): every generated file, offline.
 * 1. Prisma clients, one per subgraph schema in prisma/<name>/schema.prisma.
 * 2. The composed API schema at clients/schema.graphql (what client codegen types against).
 * 3. graphql-codegen: each plugin's resolver types from its declaration (plugin.ts), and
 *    typed client operations (codegen.yml).
 * 4. The compiled CLI (clients/cli/dist), which the `ensemble` bin runs.
 * 5. The web UI (clients/web/dist), which `npm start` serves.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import yaml from 'js-yaml';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function prismaEnvironment(): NodeJS.ProcessEnv {
  // `prisma generate` wants the native schema engine, which it downloads and this machine
  // cannot; generating needs no engine at all, so point it at any file when none is present.
  // A machine that has the engine (or sets the variable) keeps using it.
  const engines = path.join(root, 'node_modules', '@prisma', 'engines');
  const hasEngine = existsSync(engines) && readdirSync(engines).some((file) => file.startsWith('schema-engine'));
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY || hasEngine) return process.env;
  return { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
}

async function main() {
  const prismaDir = path.join(root, 'prisma');
  for (const name of readdirSync(prismaDir).sort()) {
    const schema = path.join(prismaDir, name, 'schema.prisma');
    if (!existsSync(schema)) continue;
    execFileSync(bin('prisma'), ['generate', '--schema', schema], { cwd: root, env: prismaEnvironment(), stdio: 'inherit' });
  }
  const { composeProjectSupergraph } = await import('../gateway/composeProjectSupergraph');
  const { apiSchemaSdl } = await composeProjectSupergraph();
  writeFileSync(path.join(root, 'clients', 'schema.graphql'), apiSchemaSdl);
  console.log('Composed the supergraph; wrote clients/schema.graphql');
  await generateTypes();
  await writePersistedDocuments();
  // After codegen: the CLI imports the typed operations.
  const { compileCli } = require('../clients/cli/bin/compiledCli');
  console.log(`Compiled the CLI into ${path.relative(root, await compileCli())}`);
  // Last: the web UI imports the typed operations codegen just wrote.
  execFileSync(bin('vite'), ['build', '--config', 'clients/web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

/** codegen.yml plus one resolver-types target per plugin, built from the declarations. */
async function generateTypes() {
  const { generate } = await import('@graphql-codegen/cli');
  const { SUBGRAPHS } = await import('../supergraph.config');
  const { pluginCodegen } = await import('./pluginCodegen');
  const base = yaml.load(readFileSync(path.join(root, 'codegen.yml'), 'utf8')) as { generates: Record<string, unknown> };
  await generate({ ...base, cwd: root, generates: { ...pluginCodegen(SUBGRAPHS), ...base.generates } } as never, true);
}

/** The clients' operations as the gateway's allow-list (gateway/persistedDocuments). */
async function writePersistedDocuments() {
  const { persistedDocumentsOf } = await import('../gateway/persistedDocuments/persistedDocumentsManifest');
  // A plain require: this script is CommonJS, and codegen wrote the module just now.
  const generated: Record<string, unknown> = require('../clients/generated/graphql');
  const texts = Object.entries(generated)
    .filter(([name, value]) => name.endsWith('Document') && value !== null && typeof value === 'object')
    .map(([, value]) => String(value));
  const manifest = persistedDocumentsOf(texts);
  writeFileSync(path.join(root, 'clients', 'generated', 'persisted-documents.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`Wrote ${Object.keys(manifest).length} persisted documents to clients/generated/persisted-documents.json`);
}

main().catch((error) => {
  console.error(`generate failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
