import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { parseApiToken } from '../../gateway/auth/parseApiTokens';
import { connectStdio, jsonOf, textOf } from '../../gateway/mcp/testing/mcpClients';
import { loadPolicyFile } from '../../kit';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

/*
 * `ensemble mcp`: the SDK's client launches the command, as an agent's configuration
 * does, and the command talks to a gateway over HTTP with its token. The same policy as
 * the HTTP test: admins do anything, a team member sees their team's entities.
 */

const ADMIN = 'stdio-admin-token-0123456789';
const PAYMENTS = 'stdio-payments-token-01234';

let platform: TestPlatform;
const clients: Client[] = [];
const stderr: string[] = [];
const connect = async (options: { token?: string; write?: boolean }) => {
  const client = await connectStdio(platform.gatewayUrl, { ...options, stderr: (line) => stderr.push(line) });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  const policy = loadPolicyFile(path.join(__dirname, '../permissions/support/groupPolicy.yaml'));
  platform = await startPlatform({
    only: ['catalog', 'cicd', 'security'],
    subgraph: () => ({ demo: true, policy }),
    gateway: {
      auth: {
        anonymous: false,
        apiTokens: [parseApiToken(`${ADMIN}=user:default/rosalind,group:default/admins`), parseApiToken(`${PAYMENTS}=user:default/tomas.herrera,group:default/team-payments`)],
      },
    },
  });
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await platform?.stop();
});

describe('ensemble mcp (stdio)', () => {
  it('offers the read tools, and the write tools only with --write', async () => {
    const readOnly = await connect({ token: ADMIN });
    expect((await readOnly.listTools()).tools.map((tool) => tool.name)).toEqual([
      'search_catalog',
      'get_entities',
      'describe_graph',
      'query_graph',
      'entity_relations',
      'group_ownership',
      'validate_descriptors',
    ]);
    const refused = await readOnly.callTool({ name: 'apply_descriptors', arguments: { yaml: 'kind: Component' } });
    expect(textOf(refused)).toContain('Tool apply_descriptors not found');
    const writer = await connect({ token: ADMIN, write: true });
    expect((await writer.listTools()).tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(['apply_descriptors', 'register_location', 'refresh_location']));
  });

  it('calls each read tool through the gateway, with one audit line per call on stderr', async () => {
    const client = await connect({ token: ADMIN });
    const call = async (name: string, args: Record<string, unknown>) => jsonOf(await client.callTool({ name, arguments: args }));
    const before = stderr.length;
    expect((await call('search_catalog', { text: 'checkout' })).entities.length).toBeGreaterThan(0);
    expect((await call('get_entities', { refs: ['component:checkout-service'], fields: 'ref vulnerabilitySummary { critical }' })).entities[0].ref).toBe(
      'component:default/checkout-service',
    );
    // The schema comes from the gateway's introspection, descriptions included.
    const entity = await call('describe_graph', { type: 'Entity' });
    expect(entity.fields.find((field: { name: string }) => field.name === 'latestRun').description).toMatch(/newest run/);
    expect((await call('query_graph', { query: '{ entity(ref: "group:team-payments") { ref } }' })).data.entity.ref).toBe('group:default/team-payments');
    expect((await call('entity_relations', { ref: 'component:checkout-service', direction: 'dependencies' })).entities.length).toBeGreaterThan(0);
    expect((await call('group_ownership', { group: 'team-payments' })).count).toBeGreaterThan(0);
    const invalid = await client.callTool({ name: 'validate_descriptors', arguments: { yaml: 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {}\n' } });
    expect(textOf(invalid)).toMatch(/^The descriptors are not valid:/);
    const audit = stderr.slice(before).filter((line) => line.startsWith('mcp: caller=stdio (token) tool='));
    expect(audit.map((line) => /tool=(\S+) outcome=(\S+)/.exec(line)!.slice(1, 3).join(' '))).toEqual([
      'search_catalog ok',
      'get_entities ok',
      'describe_graph ok',
      'query_graph ok',
      'entity_relations ok',
      'group_ownership ok',
      'validate_descriptors error',
    ]);
  });

  it('carries the token\'s permissions: a hidden entity does not exist, a write is refused', async () => {
    const member = await connect({ token: PAYMENTS, write: true });
    const hidden = await member.callTool({ name: 'get_entities', arguments: { refs: ['component:default/web-shop'] } });
    expect(textOf(hidden)).toBe('No entity has the ref component:default/web-shop (or you may not see it). Find refs with search_catalog.');
    const write = await member.callTool({ name: 'apply_descriptors', arguments: { yaml: 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: x }\nspec: { type: team, children: [] }\n' } });
    expect(textOf(write)).toContain('[FORBIDDEN]');
  });

  it('tells the agent when its credentials are refused or a query is over the limits', async () => {
    const anonymous = await connect({});
    const refused = await anonymous.callTool({ name: 'search_catalog', arguments: {} });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/refused the credentials: start `ensemble mcp` with a valid --token/);
    const admin = await connect({ token: ADMIN });
    const tooBig = await admin.callTool({ name: 'query_graph', arguments: { query: '{ entities(first: 500) { edges { node { relations { target { relations { targetRef } } } } } } }' } });
    expect(textOf(tooBig)).toContain('OPERATION_TOO_COMPLEX');
  });
});
