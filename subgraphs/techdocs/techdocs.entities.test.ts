import { postGraphQL, startTestSubgraph } from '../../kit/testing';
import type { RunningSubgraph } from '../../kit';
import { createTechdocsSubgraph } from '.';
import { docsSources } from './testing/docsSources';

/**
 * The contract the gateway relies on: `_entities` called directly on the subgraph, as the
 * gateway does when a query asks an entity for `docs`.
 */
describe('techdocs _entities', () => {
  const sources = docsSources();
  let subgraph: RunningSubgraph;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(createTechdocsSubgraph({ sourceRoots: [sources.root] }));
    const dir = sources.write({
      'mkdocs.yml': 'site_name: Search\nnav:\n  - Home: index.md\n  - Ranking: ranking.md\n',
      'docs/index.md': '# Search service\n\nFinds books.\n\n## Querying\n',
      'docs/ranking.md': '# Ranking\n\nBest sellers first.\n',
    });
    const published = await postGraphQL(subgraph.url, PUBLISH, { ref: 'Component:default/Search-Service', dir });
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishDocs).toMatchObject({ pageCount: 2 });
  });
  afterAll(async () => {
    await subgraph?.stop();
    sources.cleanup();
  });

  it('resolves docs for an entity that has them and null for one that has none, in representation order', async () => {
    const response = await postGraphQL(subgraph.url, ENTITIES, {
      representations: [
        { __typename: 'Entity', ref: 'component:default/no-docs' },
        { __typename: 'Entity', ref: 'component:default/search-service' },
      ],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([
      { __typename: 'Entity', ref: 'component:default/no-docs', docs: null },
      {
        __typename: 'Entity',
        ref: 'component:default/search-service',
        docs: {
          pageCount: 2,
          publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          pages: [
            {
              path: 'index.md',
              title: 'Home',
              toc: [
                { level: 1, title: 'Search service', anchor: 'search-service' },
                { level: 2, title: 'Querying', anchor: 'querying' },
              ],
              html: '<h1 id="search-service">Search service</h1>\n<p>Finds books.</p>\n<h2 id="querying">Querying</h2>\n',
              markdown: '# Search service\n\nFinds books.\n\n## Querying\n',
            },
            { path: 'ranking.md', title: 'Ranking', toc: [{ level: 1, title: 'Ranking', anchor: 'ranking' }], html: expect.any(String), markdown: expect.any(String) },
          ],
        },
      },
    ]);
  });

  it('serves one page by path, and null for a page that does not exist', async () => {
    const found = await postGraphQL(subgraph.url, DOC_PAGE, { ref: 'component:default/search-service', path: 'ranking.md' });
    expect(found.data?.docPage).toEqual({ title: 'Ranking', html: '<h1 id="ranking">Ranking</h1>\n<p>Best sellers first.</p>\n' });
    const missing = await postGraphQL(subgraph.url, DOC_PAGE, { ref: 'component:default/search-service', path: 'nope.md' });
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.docPage).toBeNull();
  });

  it('answers a search hit with the entity key only, for the gateway to complete from the catalog', async () => {
    const response = await postGraphQL(subgraph.url, '{ searchDocs(query: "best sellers") { entity { ref } page { path } } }');
    expect(response.data?.searchDocs).toEqual([{ entity: { ref: 'component:default/search-service' }, page: { path: 'ranking.md' } }]);
  });

  it('refuses a search page size out of range', async () => {
    const response = await postGraphQL(subgraph.url, '{ searchDocs(query: "books", first: 1000) { rank } }');
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const PUBLISH = `mutation ($ref: ID!, $dir: String!) { publishDocs(entityRef: $ref, sourceDir: $dir) { pageCount publishedAt } }`;
const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Entity { ref docs { pageCount publishedAt pages { path title toc { level title anchor } html markdown } } }
  }
}`;
const DOC_PAGE = `query ($ref: ID!, $path: String!) { docPage(entityRef: $ref, path: $path) { title html } }`;
