import type { RunningSubgraph } from '../../../kit';
import { describeEachDatabase, startTestSubgraph, type TestDatabase } from '../../../kit/testing';
import { techdocsSubgraph } from '..';
import { buildDocs } from '../builder/buildDocs';
import type { TechdocsContext } from '../context';
import { docsSources } from '../testing/docsSources';
import { findDocSites } from './findDocSites';
import { findSitePages } from './findSitePages';
import { replaceEntityDocs } from './replaceEntityDocs';

describeEachDatabase('replaceEntityDocs', (kind) => {
  const sources = docsSources();
  let database: TestDatabase;
  let subgraph: RunningSubgraph<TechdocsContext>;
  const prisma = () => subgraph.services.prisma;
  const reads = () => subgraph.services.reads;

  beforeAll(async () => {
    database = await kind.create();
    subgraph = await startTestSubgraph(techdocsSubgraph, { databaseUrl: database.url });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await database?.drop();
    sources.cleanup();
  });

  it('stores an entity’s pages in reading order with their site', async () => {
    const pages = await buildDocs(sources.write({ 'docs/index.md': '# Orders\n\nPlaced.', 'docs/b.md': '# B', 'docs/a.md': '# A' }));
    const publishedAt = new Date('2026-01-02T03:04:05.000Z');
    await replaceEntityDocs(prisma(), 'component:default/orders', pages, publishedAt);

    const [site, none] = await findDocSites(reads(), ['component:default/orders', 'component:default/none']);
    expect(site).toEqual({ entityRef: 'component:default/orders', publishedAt, pageCount: 3, builtFrom: null, sourceFingerprint: null });
    expect(none).toBeNull();
    const [stored] = await findSitePages(prisma(), ['component:default/orders']);
    expect(stored.map((page) => [page.position, page.path, page.title])).toEqual([
      [0, 'index.md', 'Orders'],
      [1, 'a.md', 'A'],
      [2, 'b.md', 'B'],
    ]);
    expect(stored[0].toc).toEqual([{ level: 1, title: 'Orders', anchor: 'orders' }]);
    expect(stored[0].html).toBe('<h1 id="orders">Orders</h1>\n<p>Placed.</p>\n');
  });

  it('re-publishing replaces the pages: removed pages go, changed pages change, other entities stay', async () => {
    const other = await buildDocs(sources.write({ 'docs/index.md': '# Other' }));
    await replaceEntityDocs(prisma(), 'component:default/other', other);
    const first = await buildDocs(sources.write({ 'docs/index.md': '# Old title', 'docs/old-page.md': '# Old page' }));
    await replaceEntityDocs(prisma(), 'component:default/shop', first, new Date('2026-01-01T00:00:00Z'));

    const second = await buildDocs(sources.write({ 'docs/index.md': '# New title', 'docs/new-page.md': '# New page' }));
    await replaceEntityDocs(prisma(), 'component:default/shop', second, new Date('2026-02-01T00:00:00Z'));

    const [shopSite] = await findDocSites(reads(), ['component:default/shop']);
    expect(shopSite).toMatchObject({ pageCount: 2, publishedAt: new Date('2026-02-01T00:00:00Z') });
    const [shop, otherPages] = await findSitePages(prisma(), ['component:default/shop', 'component:default/other']);
    expect(shop.map((page) => [page.path, page.title])).toEqual([
      ['index.md', 'New title'],
      ['new-page.md', 'New page'],
    ]);
    expect(otherPages.map((page) => page.title)).toEqual(['Other']);
    // The search index follows: the old words are gone, the new ones found.
    const counts = await prisma().$queryRawUnsafe<{ old: number; fresh: number }[]>(
      `SELECT count(*) FILTER (WHERE search_vector @@ to_tsquery('english', 'old'))::int AS old,
              count(*) FILTER (WHERE search_vector @@ to_tsquery('english', 'new'))::int AS fresh
       FROM doc_pages WHERE entity_ref = $1`,
      'component:default/shop',
    );
    expect(counts).toEqual([{ old: 0, fresh: 2 }]);
  });

  it('lets concurrent publications of one entity all succeed, one after the other', async () => {
    const versions = await Promise.all(
      [1, 2, 3, 4, 5].map((version) =>
        buildDocs(sources.write(Object.fromEntries(Array.from({ length: version }, (_, page) => [`docs/v${version}-p${page}.md`, `# Version ${version}`])))),
      ),
    );
    const results = await Promise.allSettled(versions.map((pages) => replaceEntityDocs(prisma(), 'component:default/busy', pages)));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const [site] = await findDocSites(reads(), ['component:default/busy']);
    const [pages] = await findSitePages(prisma(), ['component:default/busy']);
    // Whichever ran last won, whole: its pages and its page count, no mix.
    expect(pages).toHaveLength(site?.pageCount as number);
    expect(new Set(pages.map((page) => page.path.split('-')[0]))).toEqual(new Set([pages[0].path.split('-')[0]]));
  });
});
