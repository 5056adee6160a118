/**
 * `node --import tsx bench/explainQueries.ts [--size 10000] [--database pglite|postgres]
 *  [--database-url url] [--keep] [--analyze]`: the query plans of the catalog's SQL behind
 * `npm run bench`'s list, ownership and search operations, with EXPLAIN (ANALYZE, BUFFERS),
 * so that "a request costs the same at any catalog size" is read from the plans (index
 * scans, rows examined) rather than from throughput on a shared machine.
 *
 * It ingests a generated catalog of `--size` entities into a fresh database (in memory for
 * PGlite; on `$ENSEMBLE_BENCH_POSTGRES_URL` for PostgreSQL, dropped afterwards unless
 * `--keep`, which prints the `--database-url` to reuse it), then calls the catalog's own
 * data functions with the arguments the bench's GraphQL operations pass, records each
 * statement they send and explains it. `--analyze` runs ANALYZE first (PostgreSQL's
 * autovacuum does so a minute or so after a bulk load; PGlite has no autovacuum).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { startSubgraph, type RunningSubgraph, type SqlReads, type SqlStatement } from '../kit';
import { findSubgraph } from '../supergraph.config';
import type { CatalogContext } from '../subgraphs/catalog/context';
import { countEntities } from '../subgraphs/catalog/data/countEntities';
import { findReachableEntities } from '../subgraphs/catalog/data/findReachableEntities';
import { listEntities } from '../subgraphs/catalog/data/listEntities';
import { benchDatabase, type DatabaseKind } from './benchDatabases';
import { generateCatalog, type CatalogCounts } from './generateCatalog';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10000' },
    database: { type: 'string', default: 'postgres' },
    'database-url': { type: 'string' },
    keep: { type: 'boolean', default: false },
    analyze: { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`[explain] ${line}\n`);

/** What each bench operation asks the catalog's data layer for (see operations.ts and the resolvers). */
function operations(counts: CatalogCounts): Record<string, (reads: SqlReads) => Promise<unknown>> {
  // As the `entities` resolver asks for a page of table fields with totalCount: summary
  // rows, the count in the page's statement (and on its own only for an empty page).
  const list = (filter: Record<string, unknown>, first: number) => async (reads: SqlReads) => {
    const page = await listEntities(reads, { filter, first }, null, { summary: true, count: true });
    return page.totalCount ?? countEntities(reads, page.where);
  };
  const owned = (group: string) => (reads: SqlReads) =>
    findReachableEntities(reads, [group], { follow: ['parentOf'], maxDepth: 10, finally: ['ownerOf'], kinds: ['component'] });
  return {
    'list100 + totalCount (kind Component, lifecycle production)': list({ kind: ['Component'], lifecycle: ['production'] }, 100),
    'ownsTransitively (root group: owns everything)': owned('group:default/group-0'),
    [`ownsTransitively (a leaf group)`]: owned(`group:default/group-${counts.groups - 1}`),
    'textSearch + totalCount (component-31)': list({ text: 'component-31' }, 20),
    'textSearch + totalCount (bench: matches every entity)': list({ text: 'bench' }, 20),
  };
}

/** The reads, with every statement recorded before it runs. */
function recording(reads: SqlReads, statements: SqlStatement[]): SqlReads {
  return {
    query: (statement) => {
      statements.push(statement);
      return reads.query(statement);
    },
  };
}

async function main() {
  const size = Number(values.size);
  const kind = values.database as DatabaseKind;
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error('--database must be pglite or postgres');
  const database = values['database-url'] ? { url: values['database-url'], drop: async () => undefined } : await benchDatabase(kind, 'explain');
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-explain-'));
  let catalog: RunningSubgraph<CatalogContext> | undefined;
  try {
    const { root, counts } = generateCatalog(dir, size);
    const module = await findSubgraph('catalog').load({ CATALOG_REFRESH_SECONDS: '0', CATALOG_LOCAL_ROOTS: dir });
    catalog = await startSubgraph(module, {
      port: 0, databaseUrl: database.url, gatewaySecret: randomBytes(32).toString('hex'), runtime: { demo: false, locations: [], log },
    });
    const prisma = catalog.services.prisma;
    if ((await prisma.entity.count()) === 0) {
      const started = performance.now();
      await catalog.services.ingestion.registerLocation(root);
      log(`ingested ${await prisma.entity.count()} entities in ${Math.round(performance.now() - started)} ms`);
    }
    if (values.analyze) await prisma.$executeRawUnsafe('ANALYZE');
    for (const [name, run] of Object.entries(operations(counts))) {
      const statements: SqlStatement[] = [];
      await run(catalog.services.reads); // warm caches and the plan cache
      const started = performance.now();
      await run(recording(catalog.services.reads, statements));
      console.log(`\n===== ${name}, ${size} entities, ${kind}${values.analyze ? ', analyzed' : ''}: ${(performance.now() - started).toFixed(1)} ms`);
      for (const statement of statements) {
        const plan = await prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, ...statement.values);
        const text = statement.text.replace(/\s+/g, ' ');
        console.log(`\n-- ${text.length > 240 ? `${text.slice(0, 240)}...` : text}`);
        console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
      }
    }
  } finally {
    await catalog?.stop();
    rmSync(dir, { recursive: true, force: true });
    if (values.keep && kind === 'postgres') log(`kept: --database-url ${database.url} --size ${size}`);
    else await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
