import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningSubgraph } from '../../../kit';
import { describeEachDatabase, startTestSubgraph, type TestDatabase } from '../../../kit/testing';
import { createCatalogSubgraph } from '..';
import type { CatalogContext } from '../context';
import { componentYaml } from './componentYaml';

const component = (name: string, owner?: string) => componentYaml(name, { owner });

// A re-read parses only the files whose text changed; the rest must come out exactly as a
// full read would leave them.
describeEachDatabase('re-reading a location with unchanged files', (kind) => {
  let database: TestDatabase;
  let catalog: RunningSubgraph<CatalogContext & { stopRefresh?: () => void }>;
  let dir: string;
  let location: { id: string };
  const logs: string[] = [];
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  const refresh = () => catalog.services.ingestion.refreshLocation(location.id);
  const lastSummary = () => logs.filter((line) => line.includes(' files (')).at(-1) ?? '';
  const stored = async () =>
    Object.fromEntries(
      (await catalog.services.prisma.entity.findMany({ select: { ref: true, ownerRef: true, orphanedAt: true } })).map((row) => [
        row.ref,
        row.orphanedAt ? 'orphan' : row.ownerRef,
      ]),
    );

  beforeAll(async () => {
    database = await kind.create();
    dir = mkdtempSync(path.join(tmpdir(), 'ensemble-unchanged-'));
    catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0, orphans: { strategy: 'keep', graceMs: 0 }, localRoots: [dir] }), {
      databaseUrl: database.url,
      logs,
    });
    write('a.yaml', component('alpha'));
    write('b.yaml', component('beta'));
    write('c.yaml', component('gamma'));
    location = await catalog.services.ingestion.registerLocation(path.join(dir, '*.yaml'));
  });
  afterAll(async () => {
    await catalog?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses only the file that changed, and stores its change', async () => {
    write('b.yaml', component('beta', 'team-b'));
    await refresh();
    expect(lastSummary()).toMatch(/3 files \(2 unchanged, not parsed\)/);
    expect(lastSummary()).toMatch(/1 written, 2 unchanged/);
    expect(await stored()).toEqual({
      'component:default/alpha': 'group:default/team-a',
      'component:default/beta': 'group:default/team-b',
      'component:default/gamma': 'group:default/team-a',
    });
  });

  it('keeps the last good state of a file that turns invalid, and reads it again once fixed', async () => {
    write('b.yaml', `${component('beta', 'team-c')}---\nkind: [broken\n`);
    await refresh();
    expect((await stored())['component:default/beta']).toBe('group:default/team-b');
    // The bad text is not remembered as good: restoring the last good text is read again.
    write('b.yaml', component('beta', 'team-b'));
    await refresh();
    expect(lastSummary()).toMatch(/2 unchanged, not parsed/);
    expect(await catalog.services.prisma.ingestionError.count()).toBe(0);
  });

  it('orphans the entities of a deleted file', async () => {
    unlinkSync(path.join(dir, 'c.yaml'));
    await refresh();
    expect((await stored())['component:default/gamma']).toBe('orphan');
    // Orphans stay orphans on the next read, and one whose file comes back is live again.
    await refresh();
    expect(lastSummary()).toMatch(/0 orphaned, 0 removed/);
    expect((await stored())['component:default/gamma']).toBe('orphan');
    write('c.yaml', component('gamma'));
    await refresh();
    expect(lastSummary()).toMatch(/0 written, 3 unchanged, 0 orphaned/);
    expect((await stored())['component:default/gamma']).toBe('group:default/team-a');
    unlinkSync(path.join(dir, 'c.yaml'));
    await refresh();
    expect((await stored())['component:default/gamma']).toBe('orphan');
  });

  it('brings back an entity removed by hand although its file did not change', async () => {
    await catalog.services.ingestion.removeEntity('component:default/alpha');
    await refresh();
    expect((await stored())['component:default/alpha']).toBe('group:default/team-a');
  });

  it('still reports an entity defined again in a new file that sorts first', async () => {
    write('0.yaml', component('alpha', 'team-z'));
    await refresh();
    const errors = await catalog.services.prisma.ingestionError.findMany({ select: { file: true, message: true } });
    expect(errors).toEqual([
      { file: path.join(dir, 'a.yaml'), message: `Entity component:default/alpha is already defined in ${path.join(dir, '0.yaml')}` },
    ]);
    expect((await stored())['component:default/alpha']).toBe('group:default/team-z');
  });
});
