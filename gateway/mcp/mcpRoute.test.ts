import { request } from 'node:http';
import { buildSchema } from 'graphql';
import { listen, userIdentity, type ListeningServer } from '../../kit';
import { createAuthenticator } from '../auth/createAuthenticator';
import { withAuthentication } from '../auth/withAuthentication';
import type { McpGraph } from './McpGraph';
import { mcpRoute } from './mcpRoute';
import { connectHttp, jsonOf } from './testing/mcpClients';

/*
 * The HTTP transport alone, over a graph that records who called: authentication, the
 * Host check, methods and body bounds. The tools against a real gateway are in test/mcp.
 */

const TOKEN = 'route-test-token-0123456789';
const callers: string[] = [];
const graph = (caller: string): McpGraph => ({
  caller,
  async execute(query, variables) {
    callers.push(caller);
    return { data: { entitiesByRefs: (variables?.refs as string[]).map((ref) => ({ ref })) } };
  },
  async schema() {
    return buildSchema('type Query { a: Int }');
  },
});

let server: ListeningServer;
const logs: string[] = [];
const url = () => `http://127.0.0.1:${server.port}/mcp`;
const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${TOKEN}`, ...headers }, body });

beforeAll(async () => {
  const route = mcpRoute({
    mode: 'read-only',
    graphFor: (identity) => graph(identity.type === 'user' ? identity.userEntityRef : identity.type),
    log: (line) => void logs.push(line),
    maxBodyBytes: 2_000,
    allowedHostnames: ['localhost', '127.0.0.1', '[::1]'],
  });
  const authenticate = createAuthenticator({ anonymous: false, apiTokens: [{ token: TOKEN, identity: userIdentity('user:default/ada') }] });
  server = await listen({ '/mcp': withAuthentication(route, authenticate, () => undefined) }, { port: 0, log: () => undefined });
});

afterAll(() => server?.close());

describe('the /mcp route', () => {
  it('serves the SDK\'s client as the authenticated caller, and audits the call', async () => {
    const client = await connectHttp(url(), TOKEN);
    const answer = jsonOf(await client.callTool({ name: 'get_entities', arguments: { refs: ['component:a'], fields: 'ref' } }));
    await client.close();
    expect(answer).toEqual({ entities: [{ ref: 'component:a' }] });
    expect(callers).toEqual(['user:default/ada']);
    expect(logs).toEqual(['mcp: caller=user:default/ada tool=get_entities outcome=ok chars=53 args={"refs":["component:a"],"fields":"ref"}']);
  });

  it('answers 401 without credentials, before any MCP work', async () => {
    expect((await post('{}', { authorization: '' })).status).toBe(401);
  });

  it('refuses a Host it does not serve (a rebound domain), GET and DELETE, bodies over the limit and bodies that are not JSON', async () => {
    const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
    // fetch sends its own Host; node:http sends the one given, as a rebinding browser would.
    const rebound = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const sent = request(
        { host: '127.0.0.1', port: server.port, path: '/mcp', method: 'POST', headers: { host: `evil.example.com:${server.port}`, authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode, body }));
        },
      );
      sent.on('error', reject);
      sent.end(initialize);
    });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toEqual({ jsonrpc: '2.0', error: { code: -32000, message: 'Host evil.example.com is not allowed' }, id: null });
    for (const method of ['GET', 'DELETE']) {
      const response = await fetch(url(), { method, headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
    expect((await post(JSON.stringify({ padding: 'x'.repeat(3_000) }))).status).toBe(413);
    const notJson = await post('{nope');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: number } }).error.code).toBe(-32700);
  });
});
