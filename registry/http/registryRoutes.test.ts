import { createAuthenticator } from '../../gateway/auth/createAuthenticator';
import { listen, userIdentity, type ListeningServer } from '../../kit';
import { createRegistry, type Registry } from '../createRegistry';
import { registryAccess } from '../registryAccess';
import { registryRoutes } from './registryRoutes';

const SDL = (fields: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Query { item: Item } type Item { id: ID! ${fields} }`;
const TEAM = 'token-of-the-items-team-0001';
const OTHER = 'token-of-another-team-000002';
const ADMIN = 'token-of-a-registry-admin-03';

describe('the registry HTTP API', () => {
  let registry: Registry;
  let server: ListeningServer;
  let base = '';
  const call = async (path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, etag: response.headers.get('etag'), body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    registry = await createRegistry({ databaseUrl: 'memory://' });
    const auth = createAuthenticator({
      anonymous: false,
      apiTokens: [
        { token: TEAM, identity: userIdentity('user:default/items-ci', ['group:default/items-team']) },
        { token: OTHER, identity: userIdentity('user:default/other-ci', ['group:default/other-team']) },
        { token: ADMIN, identity: userIdentity('user:default/root', ['group:default/platform']) },
      ],
    });
    const access = registryAccess({ owners: { items: ['group:default/items-team'] }, admins: ['group:default/platform'] });
    server = await listen(registryRoutes({ registry, authenticate: auth, access, log: () => undefined }), { port: 0, log: () => undefined });
    base = `http://127.0.0.1:${server.port}`;
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await registry.close();
  });

  it('refuses callers without credentials, and teams publishing what they do not own', async () => {
    expect((await call('/registry/supergraph')).status).toBe(401);
    expect((await call('/registry/publish', { body: { subgraph: 'items', sdl: SDL('name: String'), url: 'http://items/graphql' } })).status).toBe(401);
    const foreign = await call('/registry/publish', { token: OTHER, body: { subgraph: 'items', sdl: SDL('name: String'), url: 'http://items/graphql' } });
    expect(foreign).toMatchObject({ status: 403, body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } });
    expect((await call('/registry/rollback', { token: TEAM, body: { version: 1 } })).status).toBe(403);
    expect((await call('/registry/supergraph', { token: TEAM })).status).toBe(404);
  });

  it('publishes for the owning team, serves the supergraph with an ETag, and answers 304 to a poll with it', async () => {
    const publish = await call('/registry/publish', { token: TEAM, body: { subgraph: 'items', sdl: SDL('name: String'), url: 'http://items/graphql' } });
    expect(publish).toMatchObject({ status: 200, body: { published: true, version: 1 } });
    const supergraph = await call('/registry/supergraph', { token: OTHER });
    expect(supergraph).toMatchObject({ status: 200, etag: '"1"', body: { version: 1 } });
    expect(supergraph.body.supergraphSdl).toContain('name: String');
    expect((await call('/registry/supergraph', { token: OTHER, headers: { 'if-none-match': '"1"' } })).status).toBe(304);
    expect((await call('/registry/history', { token: OTHER })).body.versions).toMatchObject([{ version: 1, subgraph: 'items', createdBy: 'user:default/items-ci' }]);
  });

  it('answers bad input with 400, an oversized body with 413, a wrong method with 405', async () => {
    const bad = [
      { subgraph: 'Items!', sdl: SDL(''), url: 'http://items/graphql' },
      { subgraph: 'items', sdl: '', url: 'http://items/graphql' },
      { subgraph: 'items', sdl: SDL('x: Int'), url: 'file:///etc/passwd' },
      { subgraph: 'items', sdl: SDL('x: Int'), url: 'http://user:secret@items/graphql' },
      { subgraph: 'items', sdl: SDL('x: Int'), url: 'http://items/graphql', reason: 'r'.repeat(501) },
    ];
    for (const body of bad) expect((await call('/registry/publish', { token: ADMIN, body })).status).toBe(400);
    expect((await call('/registry/check', { token: TEAM, body: 'not json' })).status).toBe(400);
    expect((await call('/registry/history?limit=100000', { token: TEAM })).status).toBe(400);
    expect((await call('/registry/usage', { token: TEAM, body: { operations: [{ operationHash: 'h', operationName: 'n', clientName: 'c', coordinates: ['Query'], count: -1 }] } })).status).toBe(400);
    expect((await call('/registry/usage', { token: TEAM, body: { operations: new Array(5001).fill(null) } })).status).toBe(400);
    expect((await call('/registry/check', { token: TEAM, body: { subgraph: 'items', sdl: 'x'.repeat(2_100_000) } })).status).toBe(413);
    expect((await call('/registry/check', { token: TEAM, method: 'GET' })).status).toBe(405);
  });

  it('answers a refused publish with 409 and the report', async () => {
    await call('/registry/usage', { token: TEAM, body: { operations: [{ operationHash: 'h1', operationName: 'ItemNames', clientName: 'script', coordinates: ['Item.name'], count: 2 }] } });
    const refused = await call('/registry/publish', { token: TEAM, body: { subgraph: 'items', sdl: SDL('title: String'), url: 'http://items/graphql' } });
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].extensions.code).toBe('CHECK_FAILED');
    expect(refused.body.report.breaking[0].operations).toEqual([{ name: 'ItemNames', hash: 'h1', source: 'traffic', clients: ['script'], count: 2 }]);
  });
});
