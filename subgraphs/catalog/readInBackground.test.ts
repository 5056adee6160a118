import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSubgraph, type RunningSubgraph } from '../../kit';
import { createCatalogSubgraph } from '.';
import type { CatalogContext } from './context';

const COMPONENT = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: read-later }
spec: { type: service, lifecycle: production, owner: team-a }
`;

/** `npm start` serves while the catalog's first reads run (SubgraphRuntime.readInBackground). */
describe('catalog start-up with reads in the background', () => {
  let dir: string;
  let good: string;
  const missing = () => path.join(dir, 'missing.yaml');
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'catalog-background-'));
    good = path.join(dir, 'catalog-info.yaml');
    writeFileSync(good, COMPONENT);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = (readInBackground: boolean, logs: string[]) =>
    startSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0 }), {
      port: 0,
      databaseUrl: 'memory://',
      gatewaySecret: null,
      runtime: { demo: false, locations: [missing(), good], log: (line) => void logs.push(line), readInBackground },
    });

  it('starts although a location cannot be read, logs it, and reads the others', async () => {
    const logs: string[] = [];
    const running = (await start(true, logs)) as RunningSubgraph<CatalogContext>;
    try {
      await running.services.ingestion.idle();
      expect(logs.filter((line) => line.startsWith(`catalog: could not read ${missing()}`))).toHaveLength(1);
      expect(await running.services.prisma.entity.count({ where: { ref: 'component:default/read-later' } })).toBe(1);
    } finally {
      await running.stop();
    }
  });

  it('fails start-up on an unreadable location when start-up waits for the reads', async () => {
    await expect(start(false, [])).rejects.toThrow(`Cannot register ${missing()}`);
  });
});
