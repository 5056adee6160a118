import { describeEachDatabase } from '../../../kit/testing';
import { processEntity } from '../ingestion/processEntity';
import type { FileContents } from '../ingestion/readLocation';
import { useEmptyCatalog } from '../useEmptyCatalog';
import * as bulkWrite from './bulkWrite';
import { FLUSH_EVERY } from './locationWrite';
import { replaceLocationEntities } from './replaceLocationEntities';

const KEEP = { strategy: 'keep', graceMs: 0 } as const;

/** One file holding one component, as readLocation hands it over. */
function file(name: string, owner = 'team-a', path = `/${name}.yaml`): FileContents {
  const result = processEntity({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name },
    spec: { type: 'service', lifecycle: 'production', owner },
  });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return { file: path, ok: true, entities: [{ ...result.entity, file: path }], problems: [], selfContained: true, contentHash: `hash-${name}-${owner}` };
}

// A read writes a batch while it reads the next: what each batch decides (conflicts,
// duplicates, what changed) must not depend on where the batches fall.
describeEachDatabase('writing a location read in batches', (kind) => {
  const empty = useEmptyCatalog(kind);
  const names = Array.from({ length: 2 * FLUSH_EVERY + 7 }, (_, index) => `c-${String(index).padStart(4, '0')}`);

  afterEach(() => jest.restoreAllMocks());

  const location = (target: string) => empty.catalog.services.prisma.location.create({ data: { type: 'file', target } });
  const read = (locationId: string, files: FileContents[]) =>
    replaceLocationEntities(
      empty.catalog.services.prisma,
      locationId,
      async (write) => {
        for (const contents of files) await write.add(contents);
        return { complete: true };
      },
      KEEP,
    );
  const owners = async (locationId: string) =>
    Object.fromEntries(
      (await empty.catalog.services.prisma.entity.findMany({ where: { locationId }, select: { ref: true, ownerRef: true, orphanedAt: true } })).map((row) => [
        row.ref,
        row.orphanedAt ? 'orphan' : row.ownerRef,
      ]),
    );

  it('decides conflicts, duplicates and changes per entity, whatever batch they fall in', async () => {
    const other = await location('/other');
    await read(other.id, [file('claimed', 'team-other', '/other/claimed.yaml')]);

    const mine = await location('/mine');
    const files = names.map((name) => file(name));
    // A conflict in the second batch, a duplicate of the first batch's first entity in the third.
    files.splice(FLUSH_EVERY + 3, 0, file('claimed', 'team-b', '/claimed.yaml'));
    files.push(file(names[0], 'team-z', '/again.yaml'));
    const first = await read(mine.id, files);
    expect(first).toMatchObject({ written: names.length, unchanged: 0, orphaned: 0 });
    expect(first.conflicts.map((problem) => [problem.file, problem.entityRef])).toEqual([['/claimed.yaml', 'component:default/claimed']]);
    expect(first.duplicates.map((problem) => [problem.file, problem.entityRef])).toEqual([['/again.yaml', `component:default/${names[0]}`]]);
    const stored = await owners(mine.id);
    expect(Object.keys(stored)).toHaveLength(names.length);
    expect(stored[`component:default/${names[0]}`]).toBe('group:default/team-a');
    expect((await owners(other.id))['component:default/claimed']).toBe('group:default/team-other');
    expect(await empty.catalog.services.prisma.relation.count({ where: { originRef: { in: names.map((name) => `component:default/${name}`) } } })).toBe(2 * names.length);

    // Again, one entity changed in the last batch and one gone from the first.
    const second = names.slice(1).map((name, index) => (index === names.length - 2 ? file(name, 'team-c') : file(name)));
    expect(await read(mine.id, second)).toMatchObject({ written: 1, unchanged: names.length - 2, orphaned: 1, conflicts: [], duplicates: [] });
    const after = await owners(mine.id);
    expect(after[`component:default/${names[0]}`]).toBe('orphan');
    expect(after[`component:default/${names.at(-1)}`]).toBe('group:default/team-c');
  });

  it('keeps the batches before one whose write fails, and leaves no rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const failing = await location('/failing');
      const insert = bulkWrite.insertEntityRows;
      let calls = 0;
      jest.spyOn(bulkWrite, 'insertEntityRows').mockImplementation(async (...args) => {
        if (++calls === 2) throw new Error('the second batch could not be written');
        return insert(...args);
      });
      const files = names.map((name) => file(`failing-${name}`));
      await expect(read(failing.id, files)).rejects.toThrow('the second batch could not be written');
      expect(calls).toBe(2);
      // Each batch is a transaction of whole files: the first stays stored, nothing of the second.
      expect(Object.keys(await owners(failing.id)).sort()).toEqual(names.slice(0, FLUSH_EVERY).map((name) => `component:default/failing-${name}`));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
