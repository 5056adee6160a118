import { postGraphQL, startTestSubgraph } from '../../kit/testing';
import type { RunningSubgraph } from '../../kit';
import { techdocsSubgraph } from '.';
import { DEMO_DOCS_COMPONENTS } from './demo/publishDemoDocs';

/**
 * The gateway sends one `_entities` call for all the entities in a response: asking for
 * the docs and pages of five entities must cost what it costs for one.
 */
describe('techdocs batching', () => {
  const queries: string[] = [];
  let subgraph: RunningSubgraph;

  beforeAll(async () => {
    // demo: publishes the docs of the five demo components that have some.
    subgraph = await startTestSubgraph(techdocsSubgraph, { demo: true, onQuery: (sql) => queries.push(sql) });
  });
  afterAll(() => subgraph?.stop());

  async function countQueries(refs: string[]): Promise<number> {
    queries.length = 0;
    const response = await postGraphQL(subgraph.url, ENTITIES, {
      representations: refs.map((ref) => ({ __typename: 'Entity', ref })),
    });
    expect(response.errors).toBeUndefined();
    const entities = response.data?._entities as { docs: { pages: { title: string }[] } | null }[];
    expect(entities).toHaveLength(refs.length);
    for (const entity of entities) expect(entity.docs?.pages.length).toBeGreaterThan(0);
    return queries.length;
  }

  it('costs the same SQL for 1 entity as for 5: one query for the docs, one for all their pages', async () => {
    const refs = DEMO_DOCS_COMPONENTS.map((name) => `component:default/${name}`);
    const one = await countQueries(refs.slice(0, 1));
    const five = await countQueries(refs);
    expect(one).toBe(2);
    expect(five).toBe(one);
  });

  it('costs one query for a search, whatever the number of hits', async () => {
    queries.length = 0;
    const response = await postGraphQL(subgraph.url, '{ searchDocs(query: "order", first: 10) { entity { ref } page { title toc { anchor } } snippet rank } }');
    expect((response.data?.searchDocs as unknown[]).length).toBeGreaterThan(1);
    expect(queries).toHaveLength(1);
  });
});

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Entity { docs { pages { title } } } }
}`;
