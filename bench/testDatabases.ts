/**
 * `node --import tsx bench/testDatabases.ts [--rounds 3]`: what one fresh in-memory PGlite
 * database costs a test, created as PGlite does it (initdb every time) and as the tests
 * get it (loading the cluster test/globalSetup.js initdb'd once: kit/testing/
 * usePgliteTemplate.ts), taking turns. Wall time and this process's CPU (PGlite runs on
 * its thread, so CPU is the steadier figure on a busy machine). Prints a table and JSON.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { writePgliteTemplate } from '../kit/testing/writePgliteTemplate';

const HELP = `node --import tsx bench/testDatabases.ts [--rounds <n>]
  --rounds <n>   measured databases per way, after one unmeasured each (default 3, at most 50)`;

interface Measure {
  wallMs: number;
  cpuMs: number;
}

async function measure(open: () => Promise<PGlite>): Promise<Measure> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const db = await open();
  await db.query('SELECT 1');
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  await db.close();
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, help: { type: 'boolean' } } });
  if (values.help) return console.log(HELP);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) throw new Error(`--rounds takes a whole number from 1 to 50, not "${values.rounds}"`);

  const template = new Blob([readFileSync(await writePgliteTemplate(tmpdir()))]);
  const ways = {
    initdb: () => PGlite.create(),
    template: () => PGlite.create({ loadDataDir: template }),
  };
  const measured: Record<keyof typeof ways, Measure[]> = { initdb: [], template: [] };
  for (let round = 0; round <= rounds; round++) {
    for (const way of Object.keys(ways) as (keyof typeof ways)[]) {
      const result = await measure(ways[way]);
      // Round 0 warms up: PGlite's code loaded and compiled, files cached.
      if (round > 0) measured[way].push(result);
    }
  }
  const rows = (Object.keys(ways) as (keyof typeof ways)[]).map((way) => ({
    way,
    wallMedianMs: Math.round(median(measured[way].map((m) => m.wallMs))),
    cpuMedianMs: Math.round(median(measured[way].map((m) => m.cpuMs))),
  }));
  console.log(`A fresh in-memory PGlite database, ${rounds} each (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`);
  console.log('way       wall median  CPU median');
  for (const row of rows) console.log(`${row.way.padEnd(9)} ${`${row.wallMedianMs} ms`.padStart(11)}  ${`${row.cpuMedianMs} ms`.padStart(10)}`);
  console.log(JSON.stringify({ bench: 'testDatabases', rounds, loadAverage: loadavg()[0], rows }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
