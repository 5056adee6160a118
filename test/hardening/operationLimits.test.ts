import { readFileSync } from 'node:fs';
import path from 'node:path';
import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

/** The portal's own operations: the limits' defaults must let them through. */
const operation = (name: string) => readFileSync(path.join(__dirname, '../../clients/operations', name), 'utf8');

/** A relation chain `levels` deep: relations > target > relations > target ... > ref. */
function deepQuery(levels: number): string {
  let selection = 'ref';
  for (let i = 0; i < levels; i += 1) selection = `relations { target { ${selection} } }`;
  return `{ entity(ref: "component:default/checkout-service") { ${selection} } }`;
}

/** Each fragment spreads the next twice over cyclic relations: ~2^levels selections from 1-2 KB of text. */
function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment F${i} on Entity { ref }`
      : `fragment F${i} on Entity { relations { target { ...F${i + 1} } } dependsOn: relations(type: "dependsOn") { target { ...F${i + 1} } } }`,
  );
  return `{ entity(ref: "component:default/checkout-service") { ...F0 } } ${fragments.join(' ')}`;
}

describe('operation limits at the gateway', () => {
  let platform: TestPlatform;
  let statements = 0;

  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog', 'cicd'], subgraph: () => ({ demo: true, onQuery: () => void (statements += 1) }) });
  });
  afterAll(() => platform?.stop());

  /** Posts `query` and checks it was refused with 400 and `code` before any subgraph touched its database. */
  async function expectRefused(query: string, code: string, variables?: Record<string, unknown>) {
    const before = statements;
    const response = await postGraphQL(platform.gatewayUrl, query, variables);
    expect(response.status).toBe(400);
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual([code]);
    expect(response.data).toBeUndefined();
    expect(statements).toBe(before);
    return response;
  }

  it('lets the entity page through', async () => {
    const response = await postGraphQL(platform.gatewayUrl, operation('entityPage.graphql'), { ref: 'component:default/checkout-service' });
    expect(response.errors).toBeUndefined();
    expect(response.data?.entity.ref).toBe('component:default/checkout-service');
  });

  it('lets a 100-row catalog page through', async () => {
    const response = await postGraphQL(platform.gatewayUrl, operation('catalogList.graphql'), { first: 100 });
    expect(response.errors).toBeUndefined();
    expect(response.data?.entities.edges.length).toBeGreaterThan(16);
  });

  it('refuses a deep query with OPERATION_TOO_DEEP', async () => {
    const response = await expectRefused(deepQuery(6), 'OPERATION_TOO_DEEP');
    expect(response.errors?.[0].message).toBe('The operation is 14 levels deep; at most 10 are allowed');
  });

  it('refuses a wide query (thousands of fields) with TOO_MANY_TOKENS', async () => {
    await expectRefused(`{ entity(ref: "component:default/checkout-service") { ${'name '.repeat(6_000)} } }`, 'TOO_MANY_TOKENS');
  });

  it('refuses an aliased query with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `e${i}: entity(ref: "component:default/checkout-service") { ref }`).join(' ');
    await expectRefused(`{ ${aliases} }`, 'TOO_MANY_ALIASES');
  });

  it('refuses a query piled with directives with TOO_MANY_DIRECTIVES', async () => {
    const fields = Array.from({ length: 31 }, () => 'name @include(if: true)').join(' ');
    await expectRefused(`{ entity(ref: "component:default/checkout-service") { ${fields} } }`, 'TOO_MANY_DIRECTIVES');
  });

  it('refuses a fragment bomb with TOO_MANY_SELECTIONS', async () => {
    const query = fragmentBomb(24);
    expect(query.length).toBeLessThan(3_000);
    await expectRefused(query, 'TOO_MANY_SELECTIONS');
  });

  it('refuses a query whose list sizes multiply past the cost limit with OPERATION_TOO_COMPLEX', async () => {
    const query = 'query ($n: Int) { entities(first: $n) { edges { node { relations { target { relations { targetRef } } } } } } }';
    const response = await expectRefused(query, 'OPERATION_TOO_COMPLEX', { n: 500 });
    expect(response.errors?.[0].message).toMatch(/^The operation would cost \d+; at most 10000 is allowed/);
    // The same shape for 10 rows fits.
    expect((await postGraphQL(platform.gatewayUrl, query, { n: 10 })).errors).toBeUndefined();
  });
});
