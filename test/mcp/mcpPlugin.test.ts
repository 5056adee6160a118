import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { gql } from 'graphql-tag';
import { connectHttp, jsonOf } from '../../gateway/mcp/testing/mcpClients';
import { startGateway, type RunningGateway } from '../../gateway/startGateway';
import { TEST_SUBGRAPH_SECRET } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

/*
 * A plugin the MCP code has never heard of: a small @apollo/subgraph that adds a field to
 * every entity (@interfaceObject), composed by a gateway. The describe and query tools
 * reach it through the composed schema, with no MCP change.
 */

const pluginTypeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])
  "An entity as the on-call plugin sees it."
  type Entity @key(fields: "ref") @interfaceObject {
    "The entity's ref."
    ref: ID!
    "Who is on call for this entity this week, from the pager rota."
    onCallRota: OnCallRota
  }
  "This week's on-call rota of an entity."
  type OnCallRota {
    "The person carrying the pager."
    primary: String!
  }
`;

let platform: TestPlatform;
let plugin: ApolloServer;
let gateway: RunningGateway;
let client: Client;

beforeAll(async () => {
  platform = await startPlatform({ only: ['catalog'], subgraph: () => ({ demo: true }) });
  plugin = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: pluginTypeDefs,
      resolvers: { Entity: { onCallRota: ({ ref }: { ref: string }) => ({ primary: `pager-of-${ref.split('/')[1]}` }) } },
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(plugin, { listen: { port: 0, host: '127.0.0.1' } });
  gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    supergraph: { kind: 'subgraphs', subgraphs: [...Object.values(platform.subgraphs).map(({ name, url: at }) => ({ name, url: at })), { name: 'oncall', url }] },
    subgraphSecret: TEST_SUBGRAPH_SECRET,
    log: () => undefined,
  });
  client = await connectHttp(`http://127.0.0.1:${gateway.port}/mcp`);
}, 180_000);

afterAll(async () => {
  await client?.close();
  await gateway?.stop();
  await plugin?.stop();
  await platform?.stop();
});

describe('a new plugin through MCP', () => {
  it('is described: its field on every entity, and its type, with their descriptions', async () => {
    const overview = jsonOf(await client.callTool({ name: 'describe_graph', arguments: {} }));
    expect(overview.entityFields).toContain('onCallRota: OnCallRota - Who is on call for this entity this week, from the pager rota.');
    const search = jsonOf(await client.callTool({ name: 'describe_graph', arguments: { search: 'pager' } }));
    expect(search.hits.map((hit: { coordinate: string }) => hit.coordinate)).toEqual(['Entity.onCallRota', 'OnCallRota.primary']);
    const type = jsonOf(await client.callTool({ name: 'describe_graph', arguments: { type: 'OnCallRota' } }));
    expect(type).toEqual({
      name: 'OnCallRota',
      kind: 'object',
      description: "This week's on-call rota of an entity.",
      fields: [{ name: 'primary', type: 'String!', description: 'The person carrying the pager.' }],
    });
  });

  it('is queried, beside the catalog, by query_graph and get_entities', async () => {
    const queried = jsonOf(
      await client.callTool({ name: 'query_graph', arguments: { query: '{ entity(ref: "component:checkout-service") { ref owner: relations(type: "ownedBy") { targetRef } onCallRota { primary } } }' } }),
    );
    expect(queried.data.entity).toEqual({ ref: 'component:default/checkout-service', owner: [{ targetRef: 'group:default/team-payments' }], onCallRota: { primary: 'pager-of-checkout-service' } });
    const got = jsonOf(await client.callTool({ name: 'get_entities', arguments: { refs: ['api:default/search-api'], fields: 'ref onCallRota { primary }' } }));
    expect(got.entities).toEqual([{ ref: 'api:default/search-api', onCallRota: { primary: 'pager-of-search-api' } }]);
  });
});
