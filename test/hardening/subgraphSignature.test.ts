import { signedHeaders, signRequest, SIGNATURE_HEADER } from '../../kit';
import { postGraphQL, startTestSubgraph, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph } from '../../kit/testing';
import { findSubgraph } from '../../supergraph.config';

const REFUSED = { errors: [{ message: 'This subgraph answers only requests signed by the gateway', extensions: { code: 'UNAUTHENTICATED' } }] };
const BODY = JSON.stringify({ query: '{ __typename }' });

describe('a subgraph answers only the gateway', () => {
  let catalog: RunningTestSubgraph<unknown>;
  const logs: string[] = [];

  beforeAll(async () => {
    catalog = await startTestSubgraph(await findSubgraph('catalog').load(), { logs });
  });
  afterAll(() => catalog?.stop());

  const call = (headers: Record<string, string>, body = BODY) =>
    fetch(catalog.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers a request signed with the shared secret', async () => {
    const response = await call(signedHeaders(TEST_SUBGRAPH_SECRET, BODY));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses an unsigned request with 401 and a JSON error', async () => {
    const response = await call({});
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(REFUSED);
    expect(logs.some((line) => /catalog: refused a request to \/graphql from .*: missing signature/.test(line))).toBe(true);
  });

  it('refuses a stale signature (a replay) with 401', async () => {
    const response = await call({ [SIGNATURE_HEADER]: signRequest(TEST_SUBGRAPH_SECRET, BODY, Date.now() - 61_000) });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(REFUSED);
  });

  it('refuses a signature made with another secret, or over another body', async () => {
    expect((await call(signedHeaders('some-other-secret-of-good-length', BODY))).status).toBe(401);
    const other = JSON.stringify({ query: '{ _service { sdl } }' });
    expect((await call(signedHeaders(TEST_SUBGRAPH_SECRET, BODY), other)).status).toBe(401);
  });

  it('guards GET too, and sends no CORS headers to a browser', async () => {
    const response = await fetch(`${catalog.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: 'http://localhost:4000', 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets postGraphQL sign for tests, or not', async () => {
    expect((await postGraphQL(catalog.url, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    expect((await postGraphQL(catalog.url, '{ __typename }', undefined, {}, { sign: false })).status).toBe(401);
  });

  it('caps the representations one _entities call may carry (1,000 by default)', async () => {
    const query = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Component { ref } } }';
    const representations = (count: number) => Array.from({ length: count }, (_, i) => ({ __typename: 'Component', ref: `component:default/c${i}` }));
    const allowed = await postGraphQL(catalog.url, query, { representations: representations(1_000) });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?._entities).toHaveLength(1_000);
    const refused = await postGraphQL(catalog.url, query, { representations: representations(1_001) });
    expect(refused.status).toBe(200);
    // `_entities` is non-null: the whole answer is null, and the gateway nulls that fetch's fields.
    expect(refused.data).toBeNull();
    expect(refused.errors).toEqual([
      { message: 'One request may resolve at most 1000 entities; this one asked for 1001', path: ['_entities'], locations: [{ line: 1, column: 38 }], extensions: { code: 'BAD_USER_INPUT', maxRepresentations: 1_000 } },
    ]);
  });
});
