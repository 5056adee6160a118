/**
 * `npm run bench:startup [-- options]`: start-up as a user meets it, Ensemble's `npm start`
 * beside Backstage's catalog backend, in the same run on the same generated files.
 *
 *   --sizes 1000,10000,100000   catalog sizes (entities)
 *   --targets ensemble,backstage
 *   --timeout 900               seconds each start may take before it counts as failed
 *
 * For each: spawn -> the API answering, spawn -> every entity queryable (its count in the
 * API), and peak RSS of all its processes. Backstage is installed into bench/backstage the
 * first time (its own package.json and lock file; see bench/README.md).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { portOrFreePort } from '../kit/server/freePort';
import { generateCatalog } from './generateCatalog';
import { loadAverage } from './procStats';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    targets: { type: 'string', default: 'ensemble,backstage' },
    timeout: { type: 'string', default: '900' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const targets = values.targets.split(',');
if (sizes.some((size) => !Number.isInteger(size) || size < 10 || size > 1_000_000)) throw new Error('--sizes takes whole numbers from 10 to 1,000,000');
if (targets.some((target) => target !== 'ensemble' && target !== 'backstage')) throw new Error('--targets takes ensemble and/or backstage');
const timeoutMs = Number(values.timeout) * 1000;
const ROOT = path.resolve(__dirname, '..');
const BACKSTAGE_DIR = path.join(__dirname, 'backstage');

interface Target {
  /** The command, arguments and folder that start it. */
  command(port: number, root: string): { args: string[]; cwd: string };
  /** Whether it answers at all. */
  answering(port: number): Promise<boolean>;
  /** How many entities its API can return now. */
  count(port: number): Promise<number>;
}

const TARGETS: Record<string, Target> = {
  ensemble: {
    command: (port, root) => ({ args: ['--import', 'tsx', 'bin/start.ts', '--in-memory', '--no-demo', '--port', String(port), '--location', root], cwd: ROOT }),
    answering: async (port) => (await graphql(port, '{ __typename }')) !== undefined,
    count: async (port) => (await graphql(port, '{ entities(first: 1) { totalCount } }'))?.entities?.totalCount ?? 0,
  },
  backstage: {
    command: (port, root) => ({ args: ['serveBackstage.js', String(port), root], cwd: BACKSTAGE_DIR }),
    answering: async (port) => (await fetchJson(port, '/api/catalog/entities/by-query?limit=1')) !== undefined,
    count: async (port) => (await fetchJson(port, '/api/catalog/entities/by-query?limit=1'))?.totalItems ?? 0,
  },
};

async function graphql(port: number, query: string): Promise<any> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return response.ok ? ((await response.json()) as { data?: any }).data : undefined;
  } catch {
    return undefined;
  }
}

async function fetchJson(port: number, pathname: string): Promise<any> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${pathname}`);
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/** The process and every descendant (Backstage and Ensemble run as one process today; a future child counts too). */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // It ended while we looked.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/** Resident memory of the tree now (sum of VmRSS), in MB. */
function treeRssMb(pid: number): number {
  let kb = 0;
  for (const member of processTree(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // It ended while we looked.
    }
  }
  return Math.round(kb / 1024);
}

/** CPU seconds (user + system, all threads) the tree has used so far: wall times on a loaded machine mean little. */
function treeCpuSeconds(pid: number): number {
  const ticksPerSecond = 100; // Linux's USER_HZ
  let ticks = 0;
  for (const member of processTree(pid)) {
    try {
      const fields = readFileSync(`/proc/${member}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime and stime: fields 14 and 15 of stat, 12 and 13 after the name.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // It ended while we looked.
    }
  }
  return Math.round((ticks / ticksPerSecond) * 10) / 10;
}

interface StartupResult {
  target: string;
  size: number;
  answeringSeconds: number | null;
  queryableSeconds: number | null;
  peakRssMb: number;
  /** CPU seconds from spawn to all queryable (or to giving up). */
  cpuSeconds: number;
  loadAverage: string;
}

async function measure(name: string, root: string, entities: number, size: number): Promise<StartupResult> {
  const target = TARGETS[name];
  const port = await portOrFreePort(0);
  const { args, cwd } = target.command(port, root);
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: '1' } });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let exited = false;
  child.on('exit', () => (exited = true));
  let peakRssMb = 0;
  let answeringSeconds: number | null = null;
  let queryableSeconds: number | null = null;
  let cpuSeconds = 0;
  const seconds = () => Math.round((performance.now() - started) / 10) / 100;
  try {
    while (!exited && performance.now() - started < timeoutMs) {
      peakRssMb = Math.max(peakRssMb, treeRssMb(child.pid!));
      if (answeringSeconds === null && (await target.answering(port))) answeringSeconds = seconds();
      if (answeringSeconds !== null && (await target.count(port)) >= entities) {
        queryableSeconds = seconds();
        cpuSeconds = treeCpuSeconds(child.pid!);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The peak can come after the last entity shows (statistics, stitching): a few more samples.
    for (let i = 0; i < 20 && !exited; i++) {
      peakRssMb = Math.max(peakRssMb, treeRssMb(child.pid!));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Between samples: the kernel's high-water mark of the main process.
    if (!exited) peakRssMb = Math.max(peakRssMb, Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024));
    if (queryableSeconds === null && !exited) cpuSeconds = treeCpuSeconds(child.pid!);
  } finally {
    child.kill('SIGKILL');
  }
  if (queryableSeconds === null) console.error(`${name} at ${size}: not all ${entities} entities queryable${exited ? ' (it exited)' : ` within ${values.timeout} s`}\n${stderr}`);
  return { target: name, size, answeringSeconds, queryableSeconds, peakRssMb, cpuSeconds, loadAverage: loadAverage() };
}

/** Installs Backstage's backend into bench/backstage from its lock file, once. */
function ensureBackstage(): void {
  if (existsSync(path.join(BACKSTAGE_DIR, 'node_modules', '@backstage', 'plugin-catalog-backend'))) return;
  console.log('bench: installing Backstage\'s catalog backend into bench/backstage (first run only; several minutes, better-sqlite3 may build from source)');
  // From the lock file when there is one, so every run measures the same Backstage.
  const command = existsSync(path.join(BACKSTAGE_DIR, 'package-lock.json')) ? 'ci' : 'install';
  const install = spawnSync('npm', [command, '--prefix', BACKSTAGE_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`npm ${command} --prefix bench/backstage failed: see above`);
}

async function main() {
  if (targets.includes('backstage')) ensureBackstage();
  console.log(`bench startup: sizes ${sizes.join(', ')}, ${targets.join(' and ')}, load average ${loadAverage()}`);
  const results: StartupResult[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-startup-'));
    try {
      const { root, entities } = generateCatalog(dir, size);
      for (const name of targets) results.push(await measure(name, root, entities, size));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const rows = results.filter((result) => result.size === size);
    console.table(rows.map(({ target, answeringSeconds, queryableSeconds, cpuSeconds, peakRssMb, loadAverage: load }) => ({ target, answeringSeconds, queryableSeconds, cpuSeconds, peakRssMb, loadAverage: load })));
    const [ensemble, backstage] = ['ensemble', 'backstage'].map((name) => rows.find((row) => row.target === name));
    if (ensemble?.queryableSeconds && backstage?.queryableSeconds) {
      console.log(
        `${size}: all queryable ${(backstage.queryableSeconds / ensemble.queryableSeconds).toFixed(1)}x faster than Backstage ` +
          `(CPU ${(backstage.cpuSeconds / ensemble.cpuSeconds).toFixed(1)}x less); peak RSS ${(ensemble.peakRssMb / backstage.peakRssMb).toFixed(2)}x Backstage's`,
      );
    }
  }
  console.log(JSON.stringify({ benchmark: 'startup', node: process.version, results }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
