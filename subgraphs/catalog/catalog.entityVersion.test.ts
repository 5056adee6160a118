import { describeEachDatabase, postGraphQL } from '../../kit/testing';
import { applyDescriptors } from './ingestion/applyDescriptors';
import { componentYaml } from './ingestion/componentYaml';
import { useEmptyCatalog } from './useEmptyCatalog';

const APPLY = `mutation ($yaml: String!, $expectedVersion: String, $dryRun: Boolean) {
  applyEntities(yaml: $yaml, expectedVersion: $expectedVersion, dryRun: $dryRun) { applied errors { message } entities { ref etag description } }
}`;

// Conditional writes: an entity's etag, read and handed back, refuses a write made meanwhile.
describeEachDatabase('entity versions (etag, expectedVersion)', (kind) => {
  const empty = useEmptyCatalog(kind);
  const graph = (query: string, variables?: Record<string, unknown>) => postGraphQL(empty.catalog.url, query, variables);
  const etagOf = async (ref: string) => (await graph(`query ($ref: ID!) { entity(ref: $ref) { etag } }`, { ref })).data!.entity?.etag as string | undefined;
  const described = (name: string, description: string) => componentYaml(name).replace('metadata:\n', `metadata:\n  description: ${description}\n`);

  it('writes at the version read, then refuses that version with VERSION_CONFLICT and writes nothing', async () => {
    expect((await graph(APPLY, { yaml: described('versioned', 'first') })).data!.applyEntities.applied).toBe(true);
    const first = await etagOf('component:default/versioned');
    expect(first).toMatch(/^[0-9a-f]{16,}$/);

    const second = await graph(APPLY, { yaml: described('versioned', 'second'), expectedVersion: first });
    expect(second.errors).toBeUndefined();
    const written = second.data!.applyEntities.entities[0];
    expect(written).toMatchObject({ description: 'second' });
    expect(written.etag).not.toBe(first);

    const stale = await graph(APPLY, { yaml: described('versioned', 'third'), expectedVersion: first });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT' } });
    expect(stale.errors?.[0].message).toContain('component:default/versioned');
    const staleDryRun = await graph(APPLY, { yaml: described('versioned', 'third'), expectedVersion: first, dryRun: true });
    expect(staleDryRun.errors?.[0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT' } });
    expect(await etagOf('component:default/versioned')).toBe(written.etag);
  });

  it('treats a missing entity as a stale version, and refuses a version for several entities', async () => {
    const missing = await graph(APPLY, { yaml: componentYaml('never-stored'), expectedVersion: 'abc' });
    expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT' } });
    expect(await etagOf('component:default/never-stored')).toBeUndefined();
    const two = await graph(APPLY, { yaml: `${componentYaml('one')}\n---\n${componentYaml('two')}`, expectedVersion: 'abc' });
    expect(two.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(two.errors?.[0].message).toContain('one entity');
  });

  // Past the process's own queue, straight to the database: what two replicas would do.
  it('lets one of two concurrent writes at the same version win, and refuses the other', async () => {
    const prisma = empty.catalog.services.prisma;
    await applyDescriptors(prisma, described('contended', 'start'), false);
    const version = (await etagOf('component:default/contended'))!;
    for (let round = 0; round < 3; round++) {
      const current = round === 0 ? version : (await etagOf('component:default/contended'))!;
      const results = await Promise.allSettled(
        ['left', 'right'].map((side) => applyDescriptors(prisma, described('contended', `${side}-${round}`), false, undefined, {}, current)),
      );
      const won = results.filter((result) => result.status === 'fulfilled' && result.value.applied);
      const refused = results.filter((result) => result.status === 'rejected' && (result.reason as { code?: string }).code === 'VERSION_CONFLICT');
      expect([won.length, refused.length]).toEqual([1, 1]);
    }
  });
});
