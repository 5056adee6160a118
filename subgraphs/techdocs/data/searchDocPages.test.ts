import type { RunningSubgraph } from '../../../kit';
import { describeEachDatabase, startTestSubgraph, type TestDatabase } from '../../../kit/testing';
import { techdocsSubgraph } from '..';
import { buildDocs } from '../builder/buildDocs';
import type { TechdocsContext } from '../context';
import { docsSources } from '../testing/docsSources';
import { replaceEntityDocs } from './replaceEntityDocs';
import { markSnippet, searchDocPages } from './searchDocPages';

describeEachDatabase('searchDocPages', (kind) => {
  const sources = docsSources();
  let database: TestDatabase;
  let subgraph: RunningSubgraph<TechdocsContext>;
  const prisma = () => subgraph.services.prisma;
  const reads = () => subgraph.services.reads;

  beforeAll(async () => {
    database = await kind.create();
    subgraph = await startTestSubgraph(techdocsSubgraph, { databaseUrl: database.url });
    await replaceEntityDocs(
      prisma(),
      'component:default/inventory-service',
      await buildDocs(
        sources.write({
          'docs/index.md': '# Inventory\n\nCounts books on shelves. Checkout asks it to reserve stock now and then.\n',
          'docs/reservations.md':
            '# Stock reservations\n\nA reservation holds stock for a basket. Reservations expire after 15 minutes; ' +
            'an expired reservation returns the stock to the shelf.\n',
        }),
      ),
    );
    await replaceEntityDocs(
      prisma(),
      'component:default/shipping-service',
      await buildDocs(sources.write({ 'docs/index.md': '# Shipping\n\nParcels go out by van. Nothing about holding stock here. Mind the `quokka <img src=x onerror=alert(1)>` sign.\n' })),
    );
  });
  afterAll(async () => {
    await subgraph?.stop();
    await database?.drop();
    sources.cleanup();
  });

  it('ranks the page that matches best first, with stemming, and leaves out pages that do not match', async () => {
    const hits = await searchDocPages(reads(), 'reserving stock', 10);
    expect(hits.map((hit) => `${hit.entityRef} ${hit.page.path}`)).toEqual([
      'component:default/inventory-service reservations.md',
      'component:default/inventory-service index.md',
    ]);
    expect(hits[0].rank).toBeGreaterThan(hits[1].rank);
    expect(hits[0].page).toMatchObject({ title: 'Stock reservations', toc: [{ level: 1, title: 'Stock reservations', anchor: 'stock-reservations' }] });
  });

  it('returns a snippet with the matches marked and the page text escaped', async () => {
    const [hit] = await searchDocPages(reads(), 'expired reservation', 10);
    expect(hit.page.path).toBe('reservations.md');
    expect(hit.snippet).toMatch(/<mark>expired<\/mark> <mark>reservation<\/mark>/);
    // ts_headline copies what its parser takes for HTML tags into the snippet as they are.
    const [hostile] = await searchDocPages(reads(), 'quokka', 10);
    expect(hostile.snippet).toContain('<mark>quokka</mark> &lt;img src=x onerror=alert(1)&gt;');
    expect(hostile.snippet).not.toContain('<img');
  });

  it('understands web search syntax: quoted phrases and exclusions', async () => {
    // Both inventory pages have both words; only one has them side by side in this order.
    expect(await searchDocPages(reads(), 'stock reservation', 10)).toHaveLength(2);
    const phrase = await searchDocPages(reads(), '"stock reservation"', 10);
    expect(phrase.map((hit) => hit.page.path)).toEqual(['reservations.md']);
    const excluded = await searchDocPages(reads(), 'stock -basket', 10);
    expect(excluded.map((hit) => hit.page.path).sort()).toEqual(['index.md', 'index.md']);
  });

  it('returns at most `first` hits and nothing for words no page has', async () => {
    expect(await searchDocPages(reads(), 'stock', 1)).toHaveLength(1);
    expect(await searchDocPages(reads(), 'zeppelin', 10)).toEqual([]);
  });

  it('can answer from the GIN index', async () => {
    const plan = await prisma().$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT path FROM doc_pages WHERE search_vector @@ websearch_to_tsquery('english', 'stock')`,
      );
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('doc_pages_search_vector_idx');
  });
});

describe('markSnippet', () => {
  it('escapes HTML in the text and turns the marks into <mark>', () => {
    expect(markSnippet('a <b> & \u0002c\u0003 "d"\n\ne')).toBe('a &lt;b&gt; &amp; <mark>c</mark> &quot;d&quot; e');
  });
});
