import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { portOrFreePort } from '../../../kit/server/freePort';

const run = promisify(execFile);
/** Where Debian and Ubuntu put each installed server version's programs. */
const VERSIONS_DIR = '/usr/lib/postgresql';
const RUNUSER = '/usr/sbin/runuser';

/**
 * A PostgreSQL server of the test's own, from this machine's binaries, in a temporary
 * directory on a free loopback port: a test may crash and restart it without touching the
 * shared server other tests use.
 */
export interface PrivatePostgres {
  port: number;
  /** A URL for one of its databases. */
  url(database: string): string;
  /** `pg_ctl stop -m immediate` is a crash: no checkpoint, open connections cut, WAL replayed at the next start. */
  stop(mode: 'immediate' | 'fast'): Promise<void>;
  start(): Promise<void>;
  /** Stops it if it runs and deletes its directory. */
  remove(): Promise<void>;
}

/** The newest server version's bin directory, or why none can be used here. */
function findServer(): { bin: string; runAs: string[] } | { skipReason: string } {
  const versions = existsSync(VERSIONS_DIR) ? readdirSync(VERSIONS_DIR).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((version) => path.join(VERSIONS_DIR, version, 'bin')).find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (!bin) return { skipReason: `no PostgreSQL server binaries (initdb, pg_ctl) in ${VERSIONS_DIR}/<version>/bin` };
  // PostgreSQL refuses to run as root: as root, run it as the postgres user.
  if (process.getuid?.() !== 0) return { bin, runAs: [] };
  if (!existsSync(RUNUSER)) return { skipReason: `running as root, and ${RUNUSER} (to run PostgreSQL as postgres) is missing` };
  try {
    execFileSync('id', ['-u', 'postgres']);
  } catch {
    return { skipReason: 'running as root, and there is no postgres user to run PostgreSQL as' };
  }
  return { bin, runAs: [RUNUSER, '-u', 'postgres', '--'] };
}

export const privatePostgresSkipReason = ((found) => ('skipReason' in found ? found.skipReason : undefined))(findServer());

/** initdb in a fresh temporary directory, then starts the server. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const found = findServer();
  if ('skipReason' in found) throw new Error(found.skipReason);
  const { bin, runAs } = found;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ensemble-postgres-'));
  if (runAs.length) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const data = path.join(dir, 'data');
  const port = await portOrFreePort(0);
  const pg = (program: string, args: string[]) => {
    const [command, ...prefix] = [...runAs, path.join(bin, program)];
    return run(command, [...prefix, ...args], { cwd: dir, timeout: 60_000 });
  };
  // Small, and reachable only on loopback and through a socket in its own directory.
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=16MB -c max_connections=40`;
  let running = false;
  const server: PrivatePostgres = {
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop: async (mode) => {
      await pg('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
      running = false;
    },
    start: async () => {
      await pg('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
      running = true;
    },
    remove: async () => {
      if (running) await server.stop('immediate').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    await server.start();
    return server;
  } catch (error) {
    await server.remove();
    throw error;
  }
}
