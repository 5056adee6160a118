import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningSubgraph } from '../../../kit';
import { describeEachDatabase, startTestSubgraph, type TestDatabase } from '../../../kit/testing';
import { createCatalogSubgraph } from '..';
import type { CatalogContext } from '../context';
import * as bulkWrite from '../data/bulkWrite';
import { FLUSH_EVERY } from '../data/locationWrite';
import { componentYaml } from './componentYaml';

/** Entities per file: a batch (FLUSH_EVERY entities) holds FILES_PER_BATCH whole files. */
const PER_FILE = FLUSH_EVERY / 4;
const FILES_PER_BATCH = FLUSH_EVERY / PER_FILE;
const FILES = 4 * FILES_PER_BATCH;

/** Writes FILES files of PER_FILE components each into `dir`; `broken` names a file whose last entity is invalid. */
function writeLocation(dir: string, prefix: string, broken?: string): void {
  mkdirSync(dir, { recursive: true });
  for (let index = 0; index < FILES; index++) {
    const file = `${prefix}-${String(index).padStart(2, '0')}`;
    const names = Array.from({ length: PER_FILE }, (_, entity) => `${file}-${entity}`);
    if (file === broken) names[names.length - 1] = 'not a valid name';
    writeFileSync(path.join(dir, `${file}.yaml`), names.map((name) => componentYaml(name)).join('---\n'));
  }
}

// A big read writes a transaction per batch of whole files: writes through the graph get
// their turn between batches (they waited for the whole read before), each file still
// applies all or nothing, and a batch that fails leaves the files before it stored.
describeEachDatabase('a big location read beside other writes', (kind) => {
  let database: TestDatabase;
  let catalog: RunningSubgraph<CatalogContext>;
  let root: string;
  const logs: string[] = [];

  beforeAll(async () => {
    database = await kind.create();
    root = mkdtempSync(path.join(tmpdir(), 'ensemble-big-read-'));
    catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0, localRoots: [root] }), { databaseUrl: database.url, logs });
  }, 120_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await catalog?.stop();
    await database?.drop();
    rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => jest.restoreAllMocks());

  /** Calls insertEntityRows through, and `onReadBatch` after each batch of the read (the first location written to). */
  const watchReadBatches = (onReadBatch: (batch: number) => void) => {
    const insert = bulkWrite.insertEntityRows;
    let readLocation: string | undefined;
    let batches = 0;
    jest.spyOn(bulkWrite, 'insertEntityRows').mockImplementation(async (...args) => {
      readLocation ??= args[3];
      if (args[3] === readLocation) onReadBatch(++batches);
      return insert(...args);
    });
    return () => batches;
  };
  const storedPerFile = async (locationId: string) =>
    (await catalog.services.prisma.entity.groupBy({ by: ['sourceFile'], where: { locationId }, _count: true })).map((group) => group._count);
  const locationErrors = (target: string) =>
    catalog.services.prisma.ingestionError.findMany({ where: { location: { target } }, select: { file: true, entityRef: true, message: true } });

  it('lets applyEntities through between batches, and applies a file with an invalid entity not at all', async () => {
    const dir = path.join(root, 'big');
    writeLocation(dir, 'big', 'big-05');
    const fired: { batch: number; done?: number; applied?: boolean }[] = [];
    const batches = watchReadBatches((batch) => {
      // Inside the batch's transaction: the write asks for its turn while the read is busy.
      const call: { batch: number; done?: number; applied?: boolean } = { batch };
      fired.push(call);
      void catalog.services.ingestion.apply(componentYaml(`direct-${batch}`), false).then((outcome) => {
        call.applied = outcome.applied;
        call.done = batches();
      });
    });
    const target = path.join(dir, '*.yaml');
    let readEnded = false;
    const read = catalog.services.ingestion.registerLocation(target).finally(() => (readEnded = true));
    const location = await read;
    expect(readEnded).toBe(true);
    // Every write finished while the read went on: before the read's next batch, not after the read.
    expect(fired.length).toBeGreaterThanOrEqual(3);
    expect(fired).toEqual(fired.map((call) => ({ batch: call.batch, done: call.batch, applied: true })));
    expect(await catalog.services.prisma.entity.count({ where: { ref: { startsWith: 'component:default/direct-' } } })).toBe(fired.length);

    // The file holding one invalid entity stored none of its valid ones; the others are whole.
    expect(await catalog.services.prisma.entity.count({ where: { ref: { startsWith: 'component:default/big-05-' } } })).toBe(0);
    expect(await storedPerFile(location.id)).toEqual(Array(FILES - 1).fill(PER_FILE));
    const errors = await locationErrors(target);
    expect(errors.map((error) => path.basename(error.file))).toEqual(['big-05.yaml']);
  }, 240_000);

  it('keeps the files of the batches before one that fails, and records why on the location', async () => {
    const dir = path.join(root, 'failing');
    writeLocation(dir, 'failing');
    watchReadBatches((batch) => {
      if (batch === 3) throw new Error('connection lost while writing the third batch');
    });
    const target = path.join(dir, '*.yaml');
    await expect(catalog.services.ingestion.registerLocation(target)).rejects.toThrow('connection lost while writing the third batch');
    const location = await catalog.services.prisma.location.findUniqueOrThrow({ where: { target } });
    // Two batches of whole files stored, nothing of the third or later.
    expect(await storedPerFile(location.id)).toEqual(Array(2 * FILES_PER_BATCH).fill(PER_FILE));
    const errors = await locationErrors(target);
    expect(errors).toEqual([{ file: expect.stringMatching(/failing-\d\d\.yaml$/), entityRef: null, message: expect.stringMatching(/^The read stopped: 4 file\(s\)/) }]);
    // The database's own words stay in the server's log.
    expect(errors[0].message).not.toContain('connection lost');
    expect(logs.some((line) => line.includes('connection lost while writing the third batch'))).toBe(true);

    // Writes still work afterwards, and a read that succeeds completes the location.
    jest.restoreAllMocks();
    expect((await catalog.services.ingestion.apply(componentYaml('after-the-failure'), false)).applied).toBe(true);
    await catalog.services.ingestion.refreshLocation(location.id);
    expect(await storedPerFile(location.id)).toEqual(Array(FILES).fill(PER_FILE));
    expect(await locationErrors(target)).toEqual([]);
  }, 240_000);
});
