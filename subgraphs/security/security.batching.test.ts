import type { RunningSubgraph } from '../../kit';
import { postGraphQL, startTestSubgraph } from '../../kit/testing';
import type { SecurityContext } from './context';
import { securitySubgraph } from './index';

/**
 * One subgraph fetch costs one SQL query per field loader, however many entities the
 * gateway sends: no N+1 when a page of 25 components asks for their vulnerabilities.
 */
describe('security subgraph batching', () => {
  let subgraph: RunningSubgraph<SecurityContext>;
  const queries: string[] = [];

  beforeAll(async () => {
    subgraph = await startTestSubgraph(securitySubgraph, { demo: true, onQuery: (sql) => queries.push(sql) });
  });

  afterAll(() => subgraph?.stop());

  async function countQueries(count: number): Promise<number> {
    // Demo components with findings first, so the batch mixes entities with and without rows.
    const refs = ['component:default/checkout-service', 'component:default/legacy-checkout', 'component:default/web-shop'];
    for (let index = refs.length; index < count; index += 1) refs.push(`component:default/service-${index}`);
    queries.length = 0;
    const response = await postGraphQL(
      subgraph.url,
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Entity {
         ref
         vulnerabilitySummary { critical total oldestOpenCritical { advisoryId } }
         vulnerabilities(first: 5) { advisoryId severity }
         critical: vulnerabilities(severity: [CRITICAL], first: 5) { advisoryId }
       } } }`,
      { representations: refs.slice(0, count).map((ref) => ({ __typename: 'Entity', ref })) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toHaveLength(count);
    return queries.length;
  }

  it('costs the same number of queries for 1 entity and for 25: one per field loader', async () => {
    const forOne = await countQueries(1);
    const forTwentyFive = await countQueries(25);
    // The summary, the default list and the critical-only list: three loaders, three queries.
    expect(forOne).toBe(3);
    expect(forTwentyFive).toBe(forOne);
  });
});
