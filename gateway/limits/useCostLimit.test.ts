import { executeEachWith, executeWith } from './executeWith';
import { useCostLimit } from './useCostLimit';

describe('useCostLimit', () => {
  const list = 'query ($n: Int) { entities(first: $n) { edges { node { ref runs { status } } } } }';

  it('lets a list within the cost through', async () => {
    // 1 + 10 × (edges 1 + (node 1 + (ref 1 + runs (1 + 10 × 1)))) = 141.
    const result = await executeWith([useCostLimit(141)], list, { n: 10 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.entities.edges).toHaveLength(1);
  });

  it('refuses the same list with more rows: 400 OPERATION_TOO_COMPLEX, naming the cost', async () => {
    const result = await executeWith([useCostLimit(141)], list, { n: 11 });
    expect(result.status).toBe(400);
    expect(result.codes).toEqual(['OPERATION_TOO_COMPLEX']);
    expect(result.errors?.[0].message).toMatch(/^The operation would cost 155; at most 141 is allowed/);
  });

  it('uses the schema default for a size argument the query leaves out', async () => {
    // entities' first defaults to 50: 1 + 50 × 2 = 101.
    expect((await executeWith([useCostLimit(100)], '{ entities { edges { ref: __typename } } }')).codes).toEqual(['OPERATION_TOO_COMPLEX']);
    expect((await executeWith([useCostLimit(101)], '{ entities { edges { ref: __typename } } }')).errors).toBeUndefined();
  });

  it('judges each request by its own variables when a size comes from one, on the same document', async () => {
    const results = await executeEachWith([useCostLimit(141)], [
      { query: list, variables: { n: 10 } },
      { query: list, variables: { n: 11 } },
      { query: list, variables: { n: 1 } },
    ]);
    expect(results.map((result) => result.codes)).toEqual([[], ['OPERATION_TOO_COMPLEX'], []]);
  });

  it('gives a repeated document without size variables the same answer every time', async () => {
    // 1 + 20 × 2 = 41, whatever the other variables say.
    const query = 'query ($ref: ID!) { entity(ref: $ref) { ref } entities(first: 20) { edges { ref: __typename } } }';
    const within = await executeEachWith([useCostLimit(43)], [1, 2, 3].map((i) => ({ query, variables: { ref: `component:default/c${i}` } })));
    expect(within.map((result) => result.codes)).toEqual([[], [], []]);
    const over = await executeEachWith([useCostLimit(42)], [1, 2].map((i) => ({ query, variables: { ref: `component:default/c${i}` } })));
    expect(over.map((result) => result.codes)).toEqual([['OPERATION_TOO_COMPLEX'], ['OPERATION_TOO_COMPLEX']]);
  });
});
