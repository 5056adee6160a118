import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningSubgraph } from '../../../kit';
import { startTestSubgraph } from '../../../kit/testing';
import { createCatalogSubgraph } from '..';
import type { CatalogContext } from '../context';
import { componentYaml } from './componentYaml';

describe('periodic refresh', () => {
  let catalog: RunningSubgraph<CatalogContext>;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ensemble-refresh-'));
    writeFileSync(path.join(dir, 'catalog-info.yaml'), componentYaml('before'));
    catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 100 }), { locations: [path.join(dir, 'catalog-info.yaml')] });
  });
  afterAll(async () => {
    await catalog?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('skips an unchanged file and picks up a changed one without anyone asking', async () => {
    const refs = async () => (await catalog.services.prisma.entity.findMany({ select: { ref: true } })).map((row) => row.ref);
    expect(await refs()).toEqual(['component:default/before']);
    // Unchanged, the file is not read again: due reads are skipped on its stamp (mtime, size),
    // from the second read on (the first read's stamp is taken before anything was stored).
    const counts = catalog.services.ingestion.reads.counts;
    const skippedSoon = async (more: number) => {
      const target = counts.skipped + more;
      for (let attempt = 0; attempt < 100 && counts.skipped < target; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(counts.skipped).toBeGreaterThanOrEqual(target);
    };
    await skippedSoon(1);
    const readsBefore = counts.finished;
    await skippedSoon(2);
    expect(counts.finished).toBe(readsBefore);
    writeFileSync(path.join(dir, 'catalog-info.yaml'), componentYaml('after'));
    // Bounded wait for the next refresh (not a speed assertion: up to 50 intervals).
    for (let attempt = 0; attempt < 50 && !(await refs()).includes('component:default/after'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await refs()).toContain('component:default/after');
  });
});
