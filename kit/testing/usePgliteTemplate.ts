import { existsSync, readFileSync } from 'node:fs';
import type { PGliteOptions } from '@electric-sql/pglite';

// Imports no PGlite code: test/setupEnv.js loads this while jest is loading PGlite itself.

/** The options PGlite's `create` takes: a data directory, options, or both. */
type CreateArguments = [dataDirOrOptions?: string | PGliteOptions, options?: PGliteOptions];

/**
 * Whether these `create` arguments ask for a new, empty in-memory database that PGlite
 * would initdb with its defaults. Anything else (a folder, a dump of its own, another
 * file system, other initdb settings) is left to PGlite.
 */
export function wantsFreshMemoryDatabase(...[dataDirOrOptions, options]: CreateArguments): boolean {
  const merged: PGliteOptions =
    typeof dataDirOrOptions === 'string' ? { ...options, dataDir: dataDirOrOptions } : { ...dataDirOrOptions, ...options };
  const inMemory = merged.dataDir === undefined || merged.dataDir === 'memory://' || merged.dataDir === '';
  return (
    inMemory &&
    !merged.loadDataDir &&
    !merged.fs &&
    !merged.pgDataProxyFs &&
    !merged.noInitDb &&
    !merged.initDbStartParams &&
    merged.username === undefined &&
    merged.database === undefined
  );
}

interface PGliteClass {
  create(...args: CreateArguments): Promise<unknown>;
}

/**
 * Makes `PGliteClass.create` load the template at `file` for every fresh in-memory
 * database (see wantsFreshMemoryDatabase); other calls go to PGlite unchanged. Jest
 * runs this in each test file's module registry (test/setupEnv.js), so the tests' own
 * imports of PGlite, and the kit's `openDatabase`, see it.
 */
export function usePgliteTemplate(PGliteClass: PGliteClass, file: string): void {
  if (!existsSync(file)) throw new Error(`The PGlite template ${file} is missing: test/globalSetup.js writes it`);
  const create = PGliteClass.create;
  let template: Blob | undefined;
  PGliteClass.create = function createFromTemplate(this: unknown, ...args: CreateArguments) {
    if (!wantsFreshMemoryDatabase(...args)) return create.apply(this, args);
    template ??= new Blob([readFileSync(file)]);
    const [dataDirOrOptions, options] = args;
    const given = typeof dataDirOrOptions === 'string' ? options : { ...dataDirOrOptions, ...options };
    return create.call(this, { ...given, loadDataDir: template });
  };
}
