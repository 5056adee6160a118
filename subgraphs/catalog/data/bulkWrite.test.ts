import { describeEachDatabase } from '../../../kit/testing';
import { processEntity, type ProcessedEntity } from '../ingestion/processEntity';
import { useEmptyCatalog } from '../useEmptyCatalog';
import { deleteEntitiesByRef, insertEntities } from './bulkWrite';
import { readInPages } from './readInPages';

function processed(name: string, description: string): ProcessedEntity {
  const result = processEntity({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, description },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a', dependsOn: [`component:${name}`, 'resource:db'] },
  });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.entity;
}

describeEachDatabase('writing entities in bulk', (kind) => {
  const empty = useEmptyCatalog(kind);

  it('stores a descriptor as given whatever it holds, the quote around the rows included, with its relations', async () => {
    const { prisma } = empty.catalog.services;
    // The rows travel in a dollar-quoted literal: text that looks like its end must stay text.
    const tricky = ["$rows$'); DROP TABLE entities; --", '$rows_$ $$ $1 \\ \' " \n\t é ✓ 🚀', '$rows__$'].join(' | ');
    const entities = [processed('tricky', tricky), processed('plain', 'nothing to see')];
    const location = await prisma.location.create({ data: { type: 'file', target: '/bulk-write-test' } });
    await prisma.$transaction((tx) => insertEntities(tx, entities.map((entity) => ({ ...entity, file: '/bulk-write-test/a.yaml' })), location.id));

    const stored = await prisma.entity.findMany({ orderBy: { ref: 'asc' } });
    expect(stored.map((row) => [row.ref, row.descriptor, row.hash, row.sourceFile, row.ownerRef, row.tags])).toEqual(
      [...entities]
        .sort((a, b) => a.ref.localeCompare(b.ref))
        .map((entity) => [entity.ref, JSON.parse(entity.descriptorJson), entity.hash, '/bulk-write-test/a.yaml', 'group:default/team-a', []]),
    );
    const relations = await prisma.relation.findMany({ where: { originRef: 'component:default/tricky' } });
    const expected = entities[0].relations.map((relation) => ({ originRef: 'component:default/tricky', ...relation }));
    expect(relations).toHaveLength(expected.length);
    expect(relations).toEqual(expect.arrayContaining(expected));
    // A relation of an entity to itself keeps both ends.
    expect(relations).toContainEqual({ originRef: 'component:default/tricky', sourceRef: 'component:default/tricky', type: 'dependsOn', targetRef: 'component:default/tricky' });

    // Deleting an entity takes the relations it originated with it, and nothing else.
    await prisma.$transaction((tx) => deleteEntitiesByRef(tx, ['component:default/plain']));
    expect((await prisma.entity.findMany({ select: { ref: true } })).map((row) => row.ref)).toEqual(['component:default/tricky']);
    expect(await prisma.relation.count({ where: { originRef: 'component:default/plain' } })).toBe(0);
    expect(await prisma.relation.count({ where: { originRef: 'component:default/tricky' } })).toBe(expected.length);
  });

  it('reads a query through a cursor, a page at a time, in order, and again in the same transaction', async () => {
    const pages: number[][] = [];
    const again: number[] = [];
    await empty.catalog.services.prisma.$transaction(async (tx) => {
      await readInPages<{ n: number }>(tx, 'SELECT n FROM generate_series(1, $1::int) AS n ORDER BY n', [7], (rows) => pages.push(rows.map((row) => row.n)), 3);
      await readInPages<{ n: number }>(tx, 'SELECT n FROM generate_series(1, $1::int) AS n ORDER BY n', [2], (rows) => again.push(...rows.map((row) => row.n)), 3);
    });
    expect(pages).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(again).toEqual([1, 2]);
  });
});
