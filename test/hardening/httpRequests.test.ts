import { startGateway, type RunningGateway } from '../../gateway/startGateway';
import { postGraphQL, TEST_SUBGRAPH_SECRET } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

const QUERY = JSON.stringify({ query: '{ __typename }' });

describe('HTTP requests the gateway refuses', () => {
  let platform: TestPlatform;
  let origin: string;

  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog'], gateway: { maxBodyBytes: 100_000 } });
    origin = `http://localhost:${platform.gateway.port}`;
  });
  afterAll(() => platform?.stop());

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(platform.gatewayUrl, { method: 'POST', headers, body });

  it('answers a plain JSON query', async () => {
    const response = await post(QUERY);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a body over the configured limit with 413, and takes one just under it', async () => {
    const padding = (size: number) => JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(size) } });
    const tooLarge = await post(padding(100_000));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ errors: [{ message: 'Request body is larger than 100000 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect((await post(padding(99_000))).status).toBe(200);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await post('{"query": "{ __typename }"');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses a simple (form-like) content type as a possible CSRF with 400', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await post(QUERY, { 'content-type': contentType });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('This operation has been blocked as a potential Cross-Site Request Forgery (CSRF)');
    }
  });

  it('refuses a non-JSON content type that forces a preflight with 400, as Apollo does', async () => {
    const response = await post(QUERY, { 'content-type': 'application/xml' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('POST body missing, invalid Content-Type, or JSON object has no keys.');
  });

  it('refuses a GET without a preflight-forcing header (CSRF), and answers one with it', async () => {
    const url = `${platform.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`;
    expect((await fetch(url)).status).toBe(400);
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a batch of operations with 400', async () => {
    const response = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('allows its own origins by default, and no other', async () => {
    for (const own of [origin, `http://127.0.0.1:${platform.gateway.port}`]) {
      const preflight = await fetch(platform.gatewayUrl, { method: 'OPTIONS', headers: { origin: own, 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(own);
    }
    const foreign = await post(QUERY, { 'content-type': 'application/json', origin: 'http://localhost:3000' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves introspection and "Did you mean" hints outside production', async () => {
    const introspection = await postGraphQL(platform.gatewayUrl, '{ __schema { queryType { name } } }');
    expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = await postGraphQL(platform.gatewayUrl, '{ entiti(ref: "x") { ref } }');
    expect(typo.errors?.[0].message).toBe('Cannot query field "entiti" on type "Query". Did you mean "entity" or "entities"?');
  });

  describe('in production', () => {
    let production: RunningGateway;
    beforeAll(async () => {
      production = await startGateway({
        port: 0,
        host: '127.0.0.1',
        supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'catalog', url: platform.subgraphs.catalog.url }] },
        subgraphSecret: TEST_SUBGRAPH_SECRET,
        production: true,
        log: () => undefined,
      });
    });
    afterAll(() => production?.stop());

    it('refuses introspection with 400 INTROSPECTION_DISABLED', async () => {
      const response = await postGraphQL(`http://127.0.0.1:${production.port}/graphql`, '{ __schema { queryType { name } } }');
      expect(response.status).toBe(400);
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['INTROSPECTION_DISABLED']);
    });

    it('gives no field suggestions', async () => {
      const response = await postGraphQL(`http://127.0.0.1:${production.port}/graphql`, '{ entiti(ref: "x") { ref } }');
      expect(response.status).toBe(400);
      expect(response.errors?.[0].message).toBe('Cannot query field "entiti" on type "Query".');
    });
  });
});
