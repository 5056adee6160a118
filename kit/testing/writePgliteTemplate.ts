import { existsSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
// Named by PGlite's release, so a template written by one release is never loaded by another.
import { pgliteVersion } from '../database/pgliteSnapshot';

/**
 * Every empty in-memory PGlite runs initdb first: a second PGlite instance, the initdb
 * program, a dump and a load, about 4 s of CPU on this machine, and tests open over a
 * hundred of them. A run initdb's one cluster (test/globalSetup.js) and every test's
 * in-memory database loads its dump (about 1 s), as PGlite's own `clone()` does. The
 * database a test gets is the same: PGlite's fresh path also loads an initdb'd dump.
 * usePgliteTemplate installs it.
 */

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
