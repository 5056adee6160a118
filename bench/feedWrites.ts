/**
 * `node --import tsx bench/feedWrites.ts [-- --size 10000 --database pglite|postgres]`: what
 * recording the change feed costs a location read. Reads a generated catalog, re-reads it
 * unchanged (no event), then with every entity's description changed (an UPDATED event
 * each), and prints the seconds (wall and this process's CPU, PGlite's included) of each
 * read and the events recorded per second.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startTestSubgraph } from '../kit/testing';
import { createCatalogSubgraph } from '../subgraphs/catalog';
import { benchDatabase, type DatabaseKind } from './benchDatabases';
import { generateCatalog } from './generateCatalog';

const { values } = parseArgs({ options: { size: { type: 'string', default: '10000' }, database: { type: 'string', default: 'pglite' } } });
const size = Number(values.size);
if (!Number.isInteger(size) || size < 100 || size > 100_000) throw new Error('--size must be 100 to 100000');

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-feed-'));
  const database = await benchDatabase(values.database as DatabaseKind, 'feed');
  const catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0, localRoots: [dir] }), { databaseUrl: database.url });
  try {
    const { root, entities } = generateCatalog(dir, size);
    // CPU of this process, PGlite's work included (it runs in process): steadier than wall time on a shared machine.
    const cpu: number[] = [];
    const timed = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      await work();
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1e6);
      return (performance.now() - start) / 1000;
    };
    const head = async () => (await catalog.events!.read(-1, 1)).head;
    let location = '';
    const firstRead = await timed(async () => (location = (await catalog.services.ingestion.registerLocation(root)).id));
    const afterFirst = await head();
    const unchanged = await timed(() => catalog.services.ingestion.refreshLocation(location));
    const afterUnchanged = await head();
    for (const folder of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      for (const file of readdirSync(path.join(dir, folder.name))) {
        const target = path.join(dir, folder.name, file);
        writeFileSync(target, readFileSync(target, 'utf8').replace('for benchmarks', 'for benchmarks, changed'));
      }
    }
    const changed = await timed(() => catalog.services.ingestion.refreshLocation(location));
    const afterChanged = await head();
    const row = {
      database: values.database,
      entities,
      firstReadSeconds: +firstRead.toFixed(2),
      createdEvents: afterFirst,
      unchangedReadSeconds: +unchanged.toFixed(2),
      unchangedEvents: afterUnchanged - afterFirst,
      changedReadSeconds: +changed.toFixed(2),
      updatedEvents: afterChanged - afterUnchanged,
      updatedEventsPerSecond: Math.round((afterChanged - afterUnchanged) / changed),
      firstReadCpuSeconds: +cpu[0].toFixed(2),
      unchangedReadCpuSeconds: +cpu[1].toFixed(2),
      changedReadCpuSeconds: +cpu[2].toFixed(2),
    };
    console.table([row]);
    console.log(JSON.stringify(row));
  } finally {
    await catalog.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
