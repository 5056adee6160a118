import type { RunningSubgraph } from '../../kit';
import { describeEachDatabase, postGraphQL, startTestSubgraph, type TestDatabase } from '../../kit/testing';
import { createTechdocsSubgraph } from '.';
import { MAX_PAGE_BYTES } from './builder/readDocsFolder';
import type { TechdocsContext } from './context';
import { docsSources } from './testing/docsSources';

/** `publishDocs` refuses bad input with BAD_USER_INPUT and writes nothing. */
describeEachDatabase('publishDocs mutation', (kind) => {
  const sources = docsSources();
  let database: TestDatabase;
  let subgraph: RunningSubgraph<TechdocsContext>;
  let goodDir: string;

  beforeAll(async () => {
    database = await kind.create();
    subgraph = await startTestSubgraph(createTechdocsSubgraph({ sourceRoots: [sources.root] }), { databaseUrl: database.url });
    goodDir = sources.write({ 'docs/index.md': '# Good docs\n' });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await database?.drop();
    sources.cleanup();
  });

  const publish = (entityRef: string, sourceDir: string) => postGraphQL(subgraph.url, PUBLISH, { entityRef, sourceDir });
  const storedRows = async () => {
    const [row] = await subgraph.services.prisma.$queryRawUnsafe<{ sites: number; pages: number }[]>(
      'SELECT (SELECT count(*) FROM doc_sites)::int AS sites, (SELECT count(*) FROM doc_pages)::int AS pages',
    );
    return row;
  };

  it.each([
    ['a folder that does not exist', () => publish('component:default/a', '/no/such/folder/anywhere')],
    ['a file instead of a folder', () => publish('component:default/a', `${goodDir}/docs/index.md`)],
    ['a folder without docs', () => publish('component:default/a', sources.write({ 'README.md': 'x' }))],
    ['a page over 1 MB', () => publish('component:default/a', sources.write({ 'docs/index.md': Buffer.alloc(MAX_PAGE_BYTES + 1, 'a') }))],
    ['an entity ref without namespace', () => publish('component:a', goodDir)],
    ['a blank entity ref', () => publish('  ', goodDir)],
  ])('refuses %s, writing nothing', async (_, send) => {
    const response = await send();
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.data).toBeNull();
    expect(await storedRows()).toEqual({ sites: 0, pages: 0 });
  });

  it('keeps the docs already published when a re-publish is refused', async () => {
    const first = await publish('component:default/kept', goodDir);
    expect(first.errors).toBeUndefined();
    const before = await postGraphQL(subgraph.url, DOCS, { representations: [{ __typename: 'Entity', ref: 'component:default/kept' }] });

    const refused = await publish('component:default/kept', sources.write({ 'mkdocs.yml': 'nav: [broken', 'docs/index.md': '# New' }));
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('mkdocs.yml') });

    const after = await postGraphQL(subgraph.url, DOCS, { representations: [{ __typename: 'Entity', ref: 'component:default/kept' }] });
    expect(after.data).toEqual(before.data);
    expect(after.data?._entities[0].docs.pages).toEqual([{ title: 'Good docs' }]);
    expect(await storedRows()).toEqual({ sites: 1, pages: 1 });
  });
});

const PUBLISH = `mutation ($entityRef: ID!, $sourceDir: String!) { publishDocs(entityRef: $entityRef, sourceDir: $sourceDir) { pageCount } }`;
const DOCS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Entity { docs { publishedAt pages { title } } } }
}`;
