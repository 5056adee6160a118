/**
 * `npm run bench:cli [-- --rounds 10 --ref component:checkout-service]`: the wall time of
 * one `ensemble get <ref>` call, from spawn to exit, run the way `npm run cli` and the
 * `ensemble` bin run it (the compiled CLI) and, beside it, through tsx as before. The
 * platform (demo catalog and plugins) runs in this process; each call is a process of its
 * own, the two ways taking turns. Prints a table and one JSON line.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPlatform } from '../test/support/startPlatform';

const HELP = `npm run bench:cli -- [flags]
  --rounds <n>   measured calls per way, after one unmeasured call each (default 10, at most 200)
  --ref <ref>    the entity to get (default component:checkout-service, from the demo catalog)`;

const ROOT = path.resolve(__dirname, '..');
const WAYS = {
  compiled: ['clients/cli/bin/ensemble.js'],
  tsx: ['--import', 'tsx', 'clients/cli/main.ts'],
};
type Way = keyof typeof WAYS;

/** GNU time gives each call's CPU too: on a busy machine, steadier than its wall time. */
const GNU_TIME = '/usr/bin/time';

interface Call {
  wallMs: number;
  cpuMs: number | null;
}

async function timeCall(way: Way, args: string[], endpoint: string, scratch: string): Promise<Call> {
  const cpuFile = path.join(scratch, `${way}.cpu`);
  const node = [process.execPath, ...WAYS[way], ...args];
  const [command, ...argv] = existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%U %S', '-o', cpuFile, ...node] : node;
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, argv, { cwd: ROOT, env: { ...process.env, ENSEMBLE_ENDPOINT: endpoint }, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`ensemble ${args.join(' ')} (${way}) exited with ${code}`);
  const cpuMs = existsSync(GNU_TIME) ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number).reduce((a, b) => a + b, 0) * 1000 : null;
  return { wallMs, cpuMs };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const min = (values: number[]) => Math.min(...values);

async function main() {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '10' }, ref: { type: 'string', default: 'component:checkout-service' }, help: { type: 'boolean' } } });
  if (values.help) return console.log(HELP);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 200) throw new Error(`--rounds takes a whole number from 1 to 200, not "${values.rounds}"`);
  const args = ['get', values.ref as string];

  const platform = await startPlatform({ only: ['catalog', 'cicd', 'techdocs', 'security'], subgraph: () => ({ demo: true }), gateway: { auth: { anonymous: true } } });
  const scratch = mkdtempSync(path.join(tmpdir(), 'ensemble-bench-cli-'));
  const calls: Record<Way, Call[]> = { compiled: [], tsx: [] };
  try {
    // One unmeasured call each: the compiled CLI is built if it is missing or stale, files are cached.
    for (const way of Object.keys(WAYS) as Way[]) await timeCall(way, args, platform.gatewayUrl, scratch);
    for (let round = 0; round < rounds; round++) {
      for (const way of Object.keys(WAYS) as Way[]) calls[way].push(await timeCall(way, args, platform.gatewayUrl, scratch));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await platform.stop();
  }

  const rows = (Object.keys(WAYS) as Way[]).map((way) => {
    const wall = calls[way].map((call) => call.wallMs);
    const cpu = calls[way].flatMap((call) => (call.cpuMs === null ? [] : [call.cpuMs]));
    return {
      way,
      command: `node ${WAYS[way].join(' ')} ${args.join(' ')}`,
      wallMedianMs: Math.round(median(wall)),
      wallMinMs: Math.round(min(wall)),
      cpuMedianMs: cpu.length ? Math.round(median(cpu)) : null,
    };
  });
  console.log(`ensemble ${args.join(' ')}: spawn to exit, ${rounds} calls each (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`);
  console.log('way       wall median  wall min  CPU median');
  for (const row of rows) {
    console.log(`${row.way.padEnd(9)} ${`${row.wallMedianMs} ms`.padStart(11)}  ${`${row.wallMinMs} ms`.padStart(8)}  ${row.cpuMedianMs === null ? '-' : `${row.cpuMedianMs} ms`.padStart(10)}`);
  }
  console.log(JSON.stringify({ bench: 'cli', rounds, loadAverage: loadavg()[0], rows }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
