/**
 * `npm run generate` (also run by `npm install`): every generated file, offline.
 * 1. Prisma clients, one per subgraph schema in prisma/<name>/schema.prisma.
 * 2. The composed API schema at clients/schema.graphql (what client codegen types against).
 * 3. graphql-codegen (codegen.yml): subgraph resolver types and typed client operations.
 * 4. The web UI (clients/web/dist), which `npm start` serves.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
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
  const { apiSchemaSdl, hints } = await composeProjectSupergraph();
  for (const hint of hints) console.warn(`composition hint: ${hint}`);
  writeFileSync(path.join(root, 'clients', 'schema.graphql'), apiSchemaSdl);
  console.log('Composed the supergraph; wrote clients/schema.graphql');
  execFileSync(bin('graphql-codegen'), ['--config', 'codegen.yml'], { cwd: root, stdio: 'inherit' });
  await writePersistedDocuments();
  // Last: the web UI imports the typed operations codegen just wrote.
  execFileSync(bin('vite'), ['build', '--config', 'clients/web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
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
