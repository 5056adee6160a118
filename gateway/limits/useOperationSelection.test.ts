import { executeEachWith } from './executeWith';
import { useOperationSelection } from './useOperationSelection';

describe('useOperationSelection', () => {
  const two = 'query A { entity(ref: "a") { ref } } query B { entities { totalCount } }';

  it('runs the operation operationName picks', async () => {
    const [result] = await executeEachWith([useOperationSelection()], [{ query: two, operationName: 'B' }]);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ entities: { totalCount: 50 } });
  });

  it('refuses an unknown or a missing operationName with 400 and the reason', async () => {
    const [unknown, ambiguous, single] = await executeEachWith([useOperationSelection()], [
      { query: two, operationName: 'C' },
      { query: two },
      { query: '{ entities { totalCount } }', operationName: 'Nope' },
    ]);
    expect(unknown).toMatchObject({ status: 400, codes: ['BAD_REQUEST'] });
    expect(unknown.errors![0].message).toBe('Unknown operation named "C"; the document has 2 operations');
    expect(ambiguous).toMatchObject({ status: 400, codes: ['BAD_REQUEST'] });
    expect(ambiguous.errors![0].message).toMatch(/several operations: say which one to run with operationName/);
    expect(single).toMatchObject({ status: 400, codes: ['BAD_REQUEST'] });
  });
});
