import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ALLOW, createSourceRoots, DENY, definePolicy, encodeIdentity, signedHeaders, userIdentity, type CallerIdentity } from '../../../kit';
import { postGraphQL, startTestSubgraph, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph } from '../../../kit/testing';
import { createCatalogSubgraph } from '..';
import type { CatalogContext } from '../context';
import { createCatalogIngestion } from './catalogIngestion';
import { ReadProgressLog } from './readProgress';
import { createSourceReader } from './sourceReader';

const FILES = 5;
const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec: { type: service, lifecycle: production, owner: team-a }\n`;

const READER = userIdentity('user:default/reader', ['group:default/platform']);
const OUTSIDER = userIdentity('user:default/outsider', []);
// Location reads for the platform group only; entity reads for everyone.
const policy = definePolicy((request, identity) => {
  if (request.action.startsWith('catalog.location.')) return identity.type === 'user' && identity.ownershipEntityRefs.includes('group:default/platform') ? ALLOW : DENY;
  return ALLOW;
});
const PROGRESS = '{ ingestionProgress { target state filesRead filesFound entitiesRead entitiesWritten startedAt finishedAt } }';

describe('read progress (Query.ingestionProgress)', () => {
  let dir: string;
  let glob: string;
  let catalog: RunningTestSubgraph<CatalogContext>;
  const as = (identity: CallerIdentity) => (query: string) =>
    postGraphQL(catalog.url, query, {}, signedHeaders(TEST_SUBGRAPH_SECRET, JSON.stringify({ query, variables: {} }), Date.now(), encodeIdentity(identity)), { sign: false });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'catalog-progress-'));
    for (let i = 0; i < FILES; i++) writeFileSync(path.join(dir, `c${i}.yaml`), component(`c${i}`));
    glob = path.join(dir, '*.yaml');
    catalog = (await startTestSubgraph(createCatalogSubgraph({ localRoots: [dir], refreshIntervalMs: 0 }), { policy })) as RunningTestSubgraph<CatalogContext>;
  });
  afterAll(async () => {
    await catalog?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a read while it runs: files read of files found, nothing finished', async () => {
    const real = createSourceReader({ roots: createSourceRoots([dir]) });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The third file's text waits for the test: the read cannot get past it.
    const reader = { list: real.list, read: async (target: string) => (target.endsWith('c2.yaml') ? gate.then(() => real.read(target)) : real.read(target)) };
    const ingestion = createCatalogIngestion(catalog.services.prisma, { reader, orphans: { strategy: 'delete', graceMs: 0 }, log: () => undefined });
    const registered = ingestion.registerLocation(glob);
    // Bounded: the two files before the gate are handed on in order.
    for (let i = 0; i < 10_000 && (ingestion.progress()[0]?.filesRead ?? 0) < 2; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    const [running] = ingestion.progress();
    expect(running).toMatchObject({ target: glob, state: 'READING', filesRead: 2, filesFound: FILES, entitiesRead: 2, finishedAt: null });
    release();
    await registered;
    expect(ingestion.progress()).toEqual([
      expect.objectContaining({ target: glob, state: 'DONE', filesRead: FILES, filesFound: FILES, entitiesRead: FILES, entitiesWritten: FILES, finishedAt: expect.any(Date) }),
    ]);
  });

  it('is served to callers with location reads, and empty for others', async () => {
    await catalog.services.ingestion.registerLocation(glob);
    const seen = await as(READER)(PROGRESS);
    expect(seen.errors).toBeUndefined();
    const [read] = seen.data!.ingestionProgress;
    expect(read).toMatchObject({ target: glob, state: 'DONE', filesRead: FILES, filesFound: FILES, entitiesRead: FILES });
    expect(new Date(read.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(read.startedAt).getTime());
    expect(await as(OUTSIDER)(PROGRESS)).toEqual({ status: 200, data: { ingestionProgress: [] } });
  });

  it('marks a read that fails, and keeps the running read and the last 20 finished', () => {
    const log = new ReadProgressLog();
    const failed = log.start('a');
    log.finish(failed, 'FAILED');
    for (let i = 0; i < 25; i++) log.finish(log.start(`done-${i}`), 'DONE');
    log.start('now');
    const reads = log.list();
    expect(reads).toHaveLength(21);
    expect(reads[0]).toMatchObject({ target: 'now', state: 'READING' });
    expect(reads.map((read) => read.target)).not.toContain('a');
    expect(reads[20].target).toBe('done-5');
    // A copy: the caller cannot change the log.
    reads[0].filesRead = 99;
    expect(log.list()[0].filesRead).toBe(0);
    const again = new ReadProgressLog();
    again.finish(again.start('x'), 'FAILED');
    expect(again.list()[0]).toMatchObject({ state: 'FAILED', finishedAt: expect.any(Date) });
  });
});
