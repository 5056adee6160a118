import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';

/**
 * Every empty in-memory PGlite runs initdb first: a second PGlite instance, the initdb
 * program, a dump and a load, about 4 s of CPU on this machine, and tests open over a
 * hundred of them. A run initdb's one cluster (test/globalSetup.js) and every test's
 * in-memory database loads its dump (about 1 s), as PGlite's own `clone()` does. The
 * database a test gets is the same: PGlite's fresh path also loads an initdb'd dump.
 */

/** PGlite's release, so a template written by one release is never loaded by another. */
function pgliteVersion(): string {
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

/**
 * Writes the template (an initdb'd, empty cluster as PGlite's tar dump) into `dir`, unless
 * this PGlite release's template is there already, and returns its path. The file appears
 * whole or not at all: a run stopped halfway leaves only a temporary name.
 */
export async function writePgliteTemplate(dir: string): Promise<string> {
  const file = path.join(dir, `ensemble-test-pglite-${pgliteVersion()}.tar`);
  if (existsSync(file)) return file;
  const db = await PGlite.create();
  try {
    const dump = await db.dumpDataDir('none');
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await db.close();
  }
  return file;
}

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
