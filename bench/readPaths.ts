/**
 * `node --import tsx bench/readPaths.ts [--size 10000] [--database pglite|postgres] [--calls 200] [--rounds 3] [--only list100]`:
 * the CPU one read costs in the subgraph's process, by the path it takes: a trivial
 * statement through Prisma's client against the kit's SqlReads, and a catalog list page
 * of 100 (kind Component + lifecycle, the bench's list) with whole rows against summary
 * rows, each through both; and the bench's `list100Total` operation (that page with
 * totalCount, cursors and GraphQL execution) as the gateway sends it, run by the catalog's
 * Apollo Server in process (all of a subgraph request's CPU but HTTP's). Rounds alternate
 * the paths, so a busy machine slows them alike.
 * Prints a table (CPU-ms per call, median of the rounds) and JSON. `--only` keeps the paths
 * whose name contains it (to profile one with `node --cpu-prof`). Run it with
 * NODE_ENV=production, as bench/run.ts runs its servers: graphql-js checks more otherwise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ALLOW_ALL_POLICY, ANONYMOUS, applyMigrations, bindRequestAccess, createRequestAccess, createSubgraphServer, openDatabase, type SqlReads } from '../kit';
import { createCatalogSubgraph } from '../subgraphs/catalog';
import { listEntities } from '../subgraphs/catalog/data/listEntities';
import { benchDatabase, type DatabaseKind } from './benchDatabases';
import { generateCatalog } from './generateCatalog';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '10000' }, database: { type: 'string', default: 'pglite' }, calls: { type: 'string', default: '200' }, rounds: { type: 'string', default: '3' }, only: { type: 'string', default: '' } },
});
const kind = values.database as DatabaseKind;
if (kind !== 'pglite' && kind !== 'postgres') throw new Error('--database must be pglite or postgres');
const calls = Number(values.calls);
const LIFECYCLES = ['production', 'experimental', 'deprecated'];
// bench/operations.ts's list100Total as the gateway's query plan fetches it from the catalog (one fetch).
const LIST_100_TOTAL = `query CatalogList__catalog__0($lifecycle:[String!]){entities(filter:{kind:["Component"]lifecycle:$lifecycle}first:100){totalCount pageInfo{hasNextPage endCursor}edges{cursor node{__typename ref kind name title ...on Component{type lifecycle}}}}}`;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-bench-'));
  const { url, drop } = await benchDatabase(kind, 'reads');
  const database = await openDatabase(url);
  const catalog = createCatalogSubgraph({ refreshIntervalMs: 0, localRoots: [dir] });
  try {
    await applyMigrations(database.sql, catalog.migrationsDir);
    const services = await catalog.createServices(database, { demo: false, locations: [], log: () => undefined });
    const { root } = generateCatalog(dir, Number(values.size));
    await services.ingestion.registerLocation(root);
    // The same reads through Prisma's client: what the catalog did before SqlReads.
    const throughPrisma: SqlReads = { query: (statement) => services.prisma.$queryRawUnsafe(statement.text, ...statement.values) };
    const page = (reads: SqlReads, summary: boolean) => (i: number) =>
      listEntities(reads, { filter: { kind: ['Component'], lifecycle: [LIFECYCLES[i % 3]] }, first: 100 }, null, { summary });
    const server = createSubgraphServer(catalog, { log: () => undefined });
    await server.start();
    const list100Total = async (i: number) => {
      // A context per request, with access bound, as startSubgraph builds it.
      const contextValue = await catalog.createContext(services, undefined as never);
      bindRequestAccess(contextValue, createRequestAccess(ALLOW_ALL_POLICY, ANONYMOUS));
      const response = await server.executeOperation({ query: LIST_100_TOTAL, variables: { lifecycle: [LIFECYCLES[i % 3]] } }, { contextValue });
      if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(`list100Total failed: ${JSON.stringify(response.body)}`);
    };
    const cases: Record<string, (i: number) => Promise<unknown>> = {
      'SELECT 1, Prisma client': () => throughPrisma.query({ text: 'SELECT 1 AS one', values: [] }),
      'SELECT 1, SqlReads': () => services.reads.query({ text: 'SELECT 1 AS one', values: [] }),
      'list page, whole rows, Prisma client': page(throughPrisma, false),
      'list page, whole rows, SqlReads': page(services.reads, false),
      'list page, summary rows, Prisma client': page(throughPrisma, true),
      'list page, summary rows, SqlReads': page(services.reads, true),
      'list100Total, catalog server': list100Total,
    };
    for (const name of Object.keys(cases)) if (!name.includes(values.only)) delete cases[name];
    const results: Record<string, number[]> = {};
    for (const run of Object.values(cases)) for (let i = 0; i < 30; i++) await run(i); // warm up
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const [name, run] of Object.entries(cases)) {
        const cpu = process.cpuUsage();
        for (let i = 0; i < calls; i++) await run(i);
        const { user, system } = process.cpuUsage(cpu);
        (results[name] ??= []).push((user + system) / 1000 / calls);
      }
    }
    const rows = Object.entries(results).map(([read, perRound]) => ({ read, cpuMsPerCall: round(median(perRound)), rounds: perRound.map(round).join(' / ') }));
    console.table(rows);
    console.log(JSON.stringify({ benchmark: 'read-paths', database: kind, size: Number(values.size), calls, rows }));
    await server.stop();
    await services.prisma.$disconnect();
  } finally {
    await database.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number) => Math.round(value * 100) / 100;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
