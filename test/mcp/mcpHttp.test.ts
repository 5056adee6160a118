import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { parseApiToken } from '../../gateway/auth/parseApiTokens';
import { connectHttp, jsonOf, textOf } from '../../gateway/mcp/testing/mcpClients';
import { startGateway, type RunningGateway } from '../../gateway/startGateway';
import { loadPolicyFile } from '../../kit';
import { TEST_SUBGRAPH_SECRET } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

/*
 * The MCP server at /mcp, through the SDK's own client: every tool, with the acceptance
 * test's policy (a team member sees what their team owns, plus APIs and groups; admins
 * do anything, nobody else writes).
 */

const ADMIN = 'mcp-admin-token-0123456789';
const PAYMENTS = 'mcp-payments-token-012345';
const WRITE_TOOLS = ['apply_descriptors', 'register_location', 'refresh_location'];
const READ_TOOLS = ['search_catalog', 'get_entities', 'describe_graph', 'query_graph', 'entity_relations', 'group_ownership', 'validate_descriptors'];

const DESCRIPTOR = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: mcp-written
  description: Written by an agent through MCP
spec:
  type: service
  lifecycle: experimental
  owner: group:default/team-payments
`;

let platform: TestPlatform;
let readOnly: RunningGateway;
const logs: string[] = [];
const clients: Client[] = [];
const mcpUrl = (port: number) => `http://127.0.0.1:${port}/mcp`;
const connect = async (port: number, token?: string) => {
  const client = await connectHttp(mcpUrl(port), token);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  const policy = loadPolicyFile(path.join(__dirname, '../permissions/support/groupPolicy.yaml'));
  const auth = {
    anonymous: false,
    apiTokens: [parseApiToken(`${ADMIN}=user:default/rosalind,group:default/admins`), parseApiToken(`${PAYMENTS}=user:default/tomas.herrera,group:default/team-payments`)],
  };
  platform = await startPlatform({
    only: ['catalog', 'cicd', 'security'],
    subgraph: () => ({ demo: true, policy }),
    gateway: { auth, mcp: { mode: 'read-write' }, logs },
  });
  readOnly = await startGateway({
    port: 0,
    host: '127.0.0.1',
    supergraph: { kind: 'subgraphs', subgraphs: Object.values(platform.subgraphs).map(({ name, url }) => ({ name, url })) },
    subgraphSecret: TEST_SUBGRAPH_SECRET,
    log: () => undefined,
    auth,
    mcp: { mode: 'read-only', maxOutputChars: 4_000 },
  });
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await readOnly?.stop();
  await platform?.stop();
});

describe('MCP over Streamable HTTP at /mcp', () => {
  it('refuses a caller without credentials, as /graphql does', async () => {
    const response = await fetch(mcpUrl(platform.gateway.port), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(401);
    await expect(connect(platform.gateway.port, 'not-a-known-token-0000')).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('lists every tool in read-write mode, each with a description and an input schema', async () => {
    const client = await connect(platform.gateway.port, ADMIN);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...READ_TOOLS, ...WRITE_TOOLS].sort());
    for (const tool of tools) {
      expect(tool.description!.length).toBeGreaterThan(80);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(!WRITE_TOOLS.includes(tool.name));
    }
  });

  it('calls each read tool', async () => {
    const client = await connect(platform.gateway.port, ADMIN);
    const call = async (name: string, args: Record<string, unknown>) => jsonOf(await client.callTool({ name, arguments: args }));

    const search = await call('search_catalog', { text: 'checkout', kind: ['Component'] });
    expect(search.entities.map((entity: { ref: string }) => entity.ref)).toContain('component:default/checkout-service');
    expect(search.entities[0]).toEqual(expect.objectContaining({ kind: 'Component', owners: expect.any(Array) }));

    const page1 = await call('search_catalog', { kind: ['Component'], first: 2 });
    const page2 = await call('search_catalog', { kind: ['Component'], first: 2, after: page1.endCursor });
    expect(page1.hasNextPage).toBe(true);
    expect(page2.entities[0].ref > page1.entities[1].ref).toBe(true);

    const got = await call('get_entities', {
      refs: ['component:default/checkout-service', 'component:default/no-such-thing'],
      fields: 'ref latestRun { status } vulnerabilitySummary { critical high }',
    });
    expect(got.entities).toEqual([{ ref: 'component:default/checkout-service', latestRun: { status: expect.any(String) }, vulnerabilitySummary: expect.any(Object) }]);
    expect(got.notFound).toEqual(['component:default/no-such-thing']);

    const overview = await call('describe_graph', {});
    expect(overview.entityFields.some((line: string) => line.startsWith('vulnerabilities('))).toBe(true);
    const finding = await call('describe_graph', { type: 'Finding' });
    expect(finding.fields.find((field: { name: string }) => field.name === 'severity')).toEqual(expect.objectContaining({ type: 'Severity!' }));
    const hits = await call('describe_graph', { search: 'pipeline run' });
    expect(hits.hits.map((hit: { coordinate: string }) => hit.coordinate)).toContain('PipelineRun');

    const queried = await call('query_graph', { query: 'query One($ref: ID!) { entity(ref: $ref) { ref name } }', variables: { ref: 'component:checkout-service' } });
    expect(queried).toEqual({ data: { entity: { ref: 'component:default/checkout-service', name: 'checkout-service' } } });

    const neighbours = await call('entity_relations', { ref: 'component:default/checkout-service' });
    expect(neighbours.relations).toContainEqual(expect.objectContaining({ type: 'ownedBy', ref: 'group:default/team-payments' }));
    const dependencies = await call('entity_relations', { ref: 'component:default/checkout-service', direction: 'dependencies', depth: 5 });
    const dependents = await call('entity_relations', { ref: dependencies.entities[0].ref, direction: 'dependents', depth: 5 });
    expect(dependents.entities.map((entity: { ref: string }) => entity.ref)).toContain('component:default/checkout-service');

    const owned = await call('group_ownership', { group: 'team-payments', kind: ['Component'] });
    expect(owned.owns.map((entity: { ref: string }) => entity.ref)).toContain('component:default/checkout-service');
    expect(owned.count).toBe(owned.owns.length);

    const valid = await call('validate_descriptors', { yaml: DESCRIPTOR });
    expect(valid).toEqual(expect.objectContaining({ applied: false, dryRun: true, refs: ['component:default/mcp-written'] }));
    expect(valid.relations).toContainEqual({ sourceRef: 'component:default/mcp-written', type: 'ownedBy', targetRef: 'group:default/team-payments' });
  });

  it('reads resources and offers prompts', async () => {
    const client = await connect(platform.gateway.port, ADMIN);
    const entity = await client.readResource({ uri: 'ensemble://entity/component:default/checkout-service' });
    expect(JSON.parse((entity.contents[0] as { text: string }).text)).toEqual(expect.objectContaining({ ref: 'component:default/checkout-service', kind: 'Component' }));
    const schema = await client.readResource({ uri: 'ensemble://schema' });
    expect((schema.contents[0] as { text: string }).text).toContain('vulnerabilitySummary: VulnerabilitySummary');
    const { prompts } = await client.listPrompts();
    expect(prompts.map((prompt) => prompt.name).sort()).toEqual(['blast_radius', 'owner_and_health', 'team_risks']);
    const prompt = await client.getPrompt({ name: 'owner_and_health', arguments: { ref: 'component:default/checkout-service' } });
    expect(JSON.stringify(prompt.messages)).toContain('get_entities');
  });

  it('calls each write tool with the caller\'s permissions: an admin writes, a team member is refused', async () => {
    const admin = await connect(platform.gateway.port, ADMIN);
    const applied = jsonOf(await admin.callTool({ name: 'apply_descriptors', arguments: { yaml: DESCRIPTOR } }));
    expect(applied).toEqual(expect.objectContaining({ applied: true, refs: ['component:default/mcp-written'] }));
    const found = jsonOf(await admin.callTool({ name: 'get_entities', arguments: { refs: ['component:default/mcp-written'], fields: 'ref description' } }));
    expect(found.entities).toEqual([{ ref: 'component:default/mcp-written', description: 'Written by an agent through MCP' }]);

    // A host the catalog may not read from is refused, with the catalog's reason.
    const outside = await admin.callTool({ name: 'register_location', arguments: { target: 'https://not-allowed.example.com/catalog-info.yaml' } });
    expect(outside.isError).toBe(true);
    expect(textOf(outside)).toMatch(/is not allowed.*\[BAD_USER_INPUT\]/s);
    const locations = jsonOf(await admin.callTool({ name: 'query_graph', arguments: { query: '{ locations { id type } }' } }));
    const direct = locations.data.locations.find((location: { type: string }) => location.type !== 'direct') ?? locations.data.locations[0];
    const refreshed = jsonOf(await admin.callTool({ name: 'refresh_location', arguments: { id: direct.id } }));
    expect(refreshed).toEqual(expect.objectContaining({ id: direct.id, entityCount: expect.any(Number) }));
    const both = await admin.callTool({ name: 'refresh_location', arguments: { id: direct.id, entityRef: 'component:x' } });
    expect(textOf(both)).toMatch(/exactly one of "id" and "entityRef"/);

    const member = await connect(platform.gateway.port, PAYMENTS);
    const refused = await member.callTool({ name: 'apply_descriptors', arguments: { yaml: DESCRIPTOR.replace('mcp-written', 'mcp-refused') } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('FORBIDDEN');
  });

  it('shows a restricted token only what its policy allows: a hidden entity does not exist for it', async () => {
    const member = await connect(platform.gateway.port, PAYMENTS);
    const components = jsonOf(await member.callTool({ name: 'search_catalog', arguments: { kind: ['Component'], first: 50 } }));
    expect(components.entities.length).toBeGreaterThan(0);
    for (const entity of components.entities) expect(entity.owners).toEqual(['group:default/team-payments']);

    const hidden = await member.callTool({ name: 'get_entities', arguments: { refs: ['component:default/web-shop'] } });
    const missing = await member.callTool({ name: 'get_entities', arguments: { refs: ['component:default/no-such-shop'] } });
    expect(hidden.isError).toBe(true);
    expect(textOf(hidden).replace('web-shop', 'X')).toBe(textOf(missing).replace('no-such-shop', 'X'));
    await expect(member.readResource({ uri: 'ensemble://entity/component:default/web-shop' })).rejects.toThrow(
      'No entity has the ref component:default/web-shop (or you may not see it)',
    );

    const admin = await connect(platform.gateway.port, ADMIN);
    const everything = jsonOf(await admin.callTool({ name: 'query_graph', arguments: { query: '{ entities(first: 200) { totalCount } }' } }));
    const visible = jsonOf(await member.callTool({ name: 'query_graph', arguments: { query: '{ entities(first: 200) { totalCount } }' } }));
    expect(visible.data.entities.totalCount).toBeLessThan(everything.data.entities.totalCount);
    const radius = jsonOf(await member.callTool({ name: 'group_ownership', arguments: { group: 'group:default/team-discovery' } }));
    expect(radius.owns.every((entity: { kind: string }) => ['API', 'Group'].includes(entity.kind))).toBe(true);
  });

  it('read-only mode hides the write tools and refuses them', async () => {
    const client = await connect(readOnly.port, ADMIN);
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names.sort()).toEqual([...READ_TOOLS].sort());
    for (const name of WRITE_TOOLS) {
      const refused = await client.callTool({ name, arguments: { yaml: DESCRIPTOR, target: 'x', id: '1' } });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toContain(`Tool ${name} not found`);
    }
    const mutation = await client.callTool({ name: 'query_graph', arguments: { query: 'mutation { removeEntity(ref: "component:default/checkout-service") }' } });
    expect(mutation.isError).toBe(true);
    expect(textOf(mutation)).toMatch(/Only queries run here: this is a mutation/);
    const still = jsonOf(await client.callTool({ name: 'get_entities', arguments: { refs: ['component:default/checkout-service'], fields: 'ref' } }));
    expect(still.entities).toEqual([{ ref: 'component:default/checkout-service' }]);
  });

  it('answers bad input with an error the agent can act on', async () => {
    const client = await connect(platform.gateway.port, ADMIN);
    const call = (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args });

    const unknown = await call('get_entities', { refs: ['component:default/nope'] });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/No entity has the ref component:default\/nope .*search_catalog/);
    const badRef = await call('entity_relations', { ref: 'component:default/bad name' });
    expect(textOf(badRef)).toMatch(/No entity has the ref|BAD_USER_INPUT/);

    const tooDeep = await call('query_graph', { query: `{ entity(ref: "group:team-payments") { ${'relations { target { '.repeat(8)}ref${' } }'.repeat(8)} } }` });
    expect(tooDeep.isError).toBe(true);
    expect(textOf(tooDeep)).toMatch(/depth|OPERATION_TOO/i);
    const tooBig = await call('query_graph', { query: '{ entities(first: 500) { edges { node { relations { target { relations { targetRef } } } } } } }' });
    expect(textOf(tooBig)).toContain('OPERATION_TOO_COMPLEX');

    const invalid = await call('validate_descriptors', { yaml: 'kind: Component\nmetadata: [unclosed' });
    expect(invalid.isError).toBe(true);
    expect(textOf(invalid)).toMatch(/^The descriptors are not valid:\n- /);
    const noOwner = await call('validate_descriptors', { yaml: DESCRIPTOR.replace(/  owner: .*\n/, '') });
    expect(textOf(noOwner)).toMatch(/owner/);

    const schemaTypo = await call('describe_graph', { type: 'Componnet' });
    expect(textOf(schemaTypo)).toMatch(/no type "Componnet"/);
    const badArgs = await call('search_catalog', { first: 5_000 });
    expect(badArgs.isError).toBe(true);
    expect(textOf(badArgs)).toMatch(/Input validation error/);
    const injected = await call('get_entities', { refs: ['component:checkout-service'], fields: 'ref } } mutation M { applyEntities(yaml: "x") { applied' });
    expect(textOf(injected)).toMatch(/fields.*selection/);
  });

  it('pages a long answer and writes one bounded audit line per call', async () => {
    const client = await connect(readOnly.port, ADMIN);
    const first = textOf(await client.callTool({ name: 'describe_graph', arguments: { type: 'Component' } }));
    const match = /\[characters 0-(\d+) of (\d+): call again with the same arguments and "offset": (\d+)/.exec(first);
    expect(match).not.toBeNull();
    let text = first.slice(0, first.lastIndexOf('\n['));
    let offset = Number(match![3]);
    while (offset < Number(match![2])) {
      const page = textOf(await client.callTool({ name: 'describe_graph', arguments: { type: 'Component', offset } }));
      text += page.slice(0, page.lastIndexOf('\n['));
      offset += page.lastIndexOf('\n[');
    }
    expect(JSON.parse(text).name).toBe('Component');

    const admin = await connect(platform.gateway.port, ADMIN);
    const before = logs.length;
    await admin.callTool({ name: 'validate_descriptors', arguments: { yaml: `${DESCRIPTOR}#${'x'.repeat(5_000)}\n` } });
    const audit = logs.slice(before).filter((line) => line.startsWith('mcp: '));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatch(/^mcp: caller=user:default\/rosalind tool=validate_descriptors outcome=ok chars=\d+ args=\{"yaml":/);
    expect(audit[0].length).toBeLessThan(700);
  });
});
