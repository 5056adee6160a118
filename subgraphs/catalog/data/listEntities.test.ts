import { describeEachDatabase } from '../../../kit/testing';
import { countEntities } from './countEntities';
import { listEntities } from './listEntities';
import { useDemoCatalog } from '../useDemoCatalog';

describeEachDatabase('a listing counted with its page', (kind) => {
  const demo = useDemoCatalog(kind);
  const { statements, post } = demo;

  it('counts what countEntities counts, for summary and whole rows, whatever the page holds', async () => {
    const filters = [null, { kind: ['Component'] }, { kind: ['Component'], lifecycle: ['production', 'experimental'] }, { text: 'service' }, { kind: ['Nothing'] }];
    for (const filter of filters) {
      for (const summary of [true, false]) {
        const page = await listEntities(demo.catalog.services.reads, { filter, first: 3 }, null, { summary, count: true });
        const counted = await countEntities(demo.catalog.services.reads, page.where);
        // An empty page has no row to carry the count: the connection counts on its own.
        expect(page.totalCount).toBe(page.edges.length ? counted : undefined);
        const uncounted = await listEntities(demo.catalog.services.reads, { filter, first: 3 }, null, { summary });
        expect(uncounted.totalCount).toBeUndefined();
        expect(page.edges).toEqual(uncounted.edges);
        expect(page.edges.map((edge) => Object.keys(edge.node)).flat()).not.toContain('totalCount');
      }
    }
  });

  it('reads the page and its totalCount in one statement, the page alone when no count is asked', async () => {
    const list = `query ($after: String) { entities(first: 4, filter: { kind: ["Component"] }, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ref } } } }`;
    const all = await post(`{ entities(first: 500, filter: { kind: ["Component"] }) { edges { node { ref } } } }`);
    const components = all.data!.entities.edges.length;
    expect(components).toBeGreaterThan(4);
    statements.length = 0;
    const first = await post(list);
    expect(first.errors).toBeUndefined();
    expect(first.data!.entities.totalCount).toBe(components);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('count(*)');
    statements.length = 0;
    await post(`{ entities(first: 4, filter: { kind: ["Component"] }) { edges { node { ref } } } }`);
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toContain('count(*)');
    // Past the last page: no rows, and still the count of the whole listing.
    let page = first.data!.entities;
    for (let pages = 0; page.pageInfo.hasNextPage; pages++) {
      expect(pages).toBeLessThan(100); // a cursor that failed to advance fails, not hangs
      page = (await post(list, { after: page.pageInfo.endCursor })).data!.entities;
    }
    const beyond = await post(list, { after: page.pageInfo.endCursor });
    expect(beyond.errors).toBeUndefined();
    expect(beyond.data!.entities.edges).toEqual([]);
    expect(beyond.data!.entities.totalCount).toBe(components);
  });
});
