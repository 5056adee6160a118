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

  it('picks up a changed file without anyone asking', async () => {
    const refs = async () => (await catalog.services.prisma.entity.findMany({ select: { ref: true } })).map((row) => row.ref);
    expect(await refs()).toEqual(['component:default/before']);
    writeFileSync(path.join(dir, 'catalog-info.yaml'), componentYaml('after'));
    // Bounded wait for the next refresh (not a speed assertion: up to 50 intervals).
    for (let attempt = 0; attempt < 50 && !(await refs()).includes('component:default/after'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await refs()).toContain('component:default/after');
  });
});
