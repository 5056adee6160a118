import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { applyMigrations, openDatabase } from '../../kit';

/**
 * The SQL that takes a database holding exactly `<prismaDir>/migrations` to
 * `<prismaDir>/schema.prisma`, or null when there is nothing to do. No native engine:
 * the migrations are applied to a fresh in-memory PGlite by the project's own runner (as
 * they are in production), and Prisma's WebAssembly schema engine diffs that database
 * against the datamodel. Needs `node --experimental-wasm-modules` (the engine imports its
 * .wasm as a module); `npm run migration` passes it.
 */
export async function diffMigrations(prismaDir: string): Promise<string | null> {
  const schemaPath = path.join(prismaDir, 'schema.prisma');
  const files = [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }];
  const database = await openDatabase('memory://');
  try {
    await applyMigrations(database.sql, path.join(prismaDir, 'migrations'));
    const { SchemaEngine } = await import('@prisma/schema-engine-wasm');
    // Without the binding, the engine calls the adapter's `connect` without its `this`.
    const adapter = bindMigrationAwareSqlAdapterFactory(database.adapter as SqlMigrationAwareDriverAdapterFactory);
    const engine = await SchemaEngine.new({ datamodels: files.map((file) => [file.path, file.content]) }, ignoreEngineLog, adapter);
    try {
      const result = await engine.diff({
        from: { tag: 'schemaDatasource', files, configDir: prismaDir },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        // 2 when the diff is not empty: the engine's own answer, rather than parsing its comment.
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      });
      return result.exitCode === 2 ? (result.stdout ?? '') : null;
    } finally {
      engine.free();
    }
  } finally {
    await database.close();
  }
}

/** The engine logs its start-up at INFO; its failures arrive as rejected promises instead. */
function ignoreEngineLog(): void {}
