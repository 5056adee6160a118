import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestSubgraph, type RunningTestSubgraph } from '../../../kit/testing';
import { createCatalogSubgraph } from '..';
import type { CatalogContext } from '../context';
import * as statistics from '../data/refreshStatistics';
import { componentYaml } from './componentYaml';

const { STATISTICS_AFTER_ROWS } = statistics;

const component = (index: number) => componentYaml(`component-${index}`);

// PGlite runs no autovacuum: a large read must leave the planner statistics that match
// the tables, or an embedded catalog's queries are planned as if it were empty.
describe('planner statistics after a large read (PGlite)', () => {
  let catalog: RunningTestSubgraph<CatalogContext>;
  let dir: string;
  const logs: string[] = [];
  const analyzedRows = async () =>
    (await catalog.services.prisma.$queryRawUnsafe<{ reltuples: number }[]>(`SELECT reltuples::int AS reltuples FROM pg_class WHERE relname = 'entities'`))[0].reltuples;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ensemble-statistics-'));
    catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0, localRoots: [dir] }), { logs });
  });
  afterAll(async () => {
    await catalog?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are left alone after a small read, and refreshed after a large one', async () => {
    writeFileSync(path.join(dir, 'small.yaml'), [1, 2, 3].map(component).join('---\n'));
    await catalog.services.ingestion.registerLocation(path.join(dir, 'small.yaml'));
    expect(logs.filter((line) => line.includes("refreshed the planner's statistics"))).toEqual([]);
    // A never-analysed table has reltuples -1 (PostgreSQL 14+).
    expect(await analyzedRows()).toBe(-1);

    const many = Array.from({ length: STATISTICS_AFTER_ROWS }, (_, index) => component(index + 10));
    writeFileSync(path.join(dir, 'large.yaml'), many.join('---\n'));
    await catalog.services.ingestion.registerLocation(path.join(dir, 'large.yaml'));
    expect(logs.filter((line) => line.includes("refreshed the planner's statistics after 1000 changes"))).toHaveLength(1);
    expect(await analyzedRows()).toBe(STATISTICS_AFTER_ROWS + 3);
  });

  it('keeps a committed read when the refresh fails, and says so', async () => {
    jest.spyOn(statistics, 'refreshStatistics').mockRejectedValueOnce(new Error('canceling statement due to statement timeout'));
    const many = Array.from({ length: STATISTICS_AFTER_ROWS }, (_, index) => component(index + 5_000));
    writeFileSync(path.join(dir, 'other.yaml'), many.join('---\n'));
    await catalog.services.ingestion.registerLocation(path.join(dir, 'other.yaml'));
    expect(logs.filter((line) => line.includes("could not refresh the planner's statistics (canceling statement due to statement timeout)"))).toHaveLength(1);
    const stored = await catalog.services.prisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM entities WHERE ref LIKE 'component:default/component-5%'`);
    expect(stored[0].count).toBeGreaterThanOrEqual(STATISTICS_AFTER_ROWS);
  });
});
