import { executeWith } from './executeWith';
import { useDepthLimit } from './useDepthLimit';

describe('useDepthLimit', () => {
  const limit = [useDepthLimit(4)];

  it('lets an operation at the limit through', async () => {
    // entity > relations > target > name: 4 levels.
    const result = await executeWith(limit, '{ entity(ref: "a") { relations { target { name } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.entity.relations[0].target.name).toBe('team');
  });

  it('refuses one level more with 400 OPERATION_TOO_DEEP', async () => {
    const result = await executeWith(limit, '{ entity(ref: "a") { relations { target { relations { type } } } } }');
    expect(result.status).toBe(400);
    expect(result.codes).toEqual(['OPERATION_TOO_DEEP']);
    expect(result.errors?.[0].message).toBe('The operation is 5 levels deep; at most 4 are allowed');
  });

  it('counts levels inside fragments and inline fragments as if written inline', async () => {
    const query = `
      { entity(ref: "a") { ...Relations } }
      fragment Relations on Entity { relations { ... on Relation { target { ...Deeper } } } }
      fragment Deeper on Entity { relations { type } }`;
    const result = await executeWith(limit, query);
    expect(result.codes).toEqual(['OPERATION_TOO_DEEP']);
  });

  it('leaves introspection alone, however deep the type system goes', async () => {
    const result = await executeWith(limit, '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }');
    expect(result.errors).toBeUndefined();
  });
});
