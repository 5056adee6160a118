import { buildSchema } from 'graphql';
import gql from 'graphql-tag';
import { composeSupergraph } from '../composeSupergraph';
import { parseApiToken } from '../auth/parseApiTokens';
import { startGateway, type RunningGateway } from '../startGateway';
import { pluginFieldsOf } from './pluginFieldsOf';
import { pluginFieldsRoute } from './pluginFieldsRoute';

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject", "@external", "@requires", "@shareable", "@inaccessible"])';

const core = gql`
  ${FEDERATION}
  type Query { entity(ref: ID!): Entity }
  interface Entity @key(fields: "ref") { ref: ID! name: String! annotations: [String!]! }
  type Component implements Entity @key(fields: "ref") { ref: ID! name: String! annotations: [String!]! }
`;

const oncall = gql`
  ${FEDERATION}
  type Entity @key(fields: "ref") @interfaceObject {
    ref: ID!
    annotations: [String!]! @external
    "Who is on call now. Null when the plugin is down."
    onCall: Shift @requires(fields: "annotations")
    "Every shift this week."
    shifts(limit: Int = 5): [Shift!]
    "Needs an argument with no default."
    shiftAt(time: String!): Shift
    "Paged: left to the plugin's own card."
    history(first: Int = 10): ShiftConnection
    "A neighbour entity: an interface, never walked."
    backup: Entity
    secret: String @inaccessible
    "The rota's name."
    rota: String
  }
  "A shift."
  type Shift { "Who is paged." person: String! "Their escalation." escalation: Escalation }
  type Escalation { level: Int! next: Escalation }
  type ShiftConnection { edges: [Shift!]! pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! }
`;

const empty = gql`
  ${FEDERATION}
  type Query { status: String }
`;

function compose(withOncall = true) {
  return composeSupergraph([
    { name: 'catalog', url: 'http://127.0.0.1:1/graphql', typeDefs: core },
    ...(withOncall ? [{ name: 'oncall', url: 'http://127.0.0.1:2/graphql', typeDefs: oncall }] : []),
    { name: 'status', url: 'http://127.0.0.1:3/graphql', typeDefs: empty },
  ]);
}

describe('pluginFieldsOf', () => {
  it("lists each @interfaceObject plugin's own Entity fields with labels, object shapes and lists", () => {
    const { supergraphSdl, apiSchemaSdl } = compose();
    const manifest = pluginFieldsOf(supergraphSdl, buildSchema(apiSchemaSdl));
    // The core's fields, the external `annotations`, required-argument, paged, abstract and
    // inaccessible fields are not a plugin card's; a subgraph with no Entity fields has no card.
    expect(manifest).toEqual({
      plugins: [
        {
          name: 'oncall',
          fields: [
            {
              name: 'onCall',
              label: 'Who is on call now',
              description: 'Who is on call now. Null when the plugin is down.',
              list: false,
              fields: [
                { name: 'person', label: 'Who is paged', description: 'Who is paged.', list: false },
                // Depth 3 is the last level: `next` (an object a level further) is cut.
                { name: 'escalation', label: 'Their escalation', description: 'Their escalation.', list: false, fields: [{ name: 'level', label: 'level', list: false }] },
              ],
            },
            expect.objectContaining({ name: 'shifts', label: 'Every shift this week', list: true }),
            { name: 'rota', label: "The rota's name", description: "The rota's name.", list: false },
          ],
        },
      ],
    });
  });

  it('has no plugins for a supergraph without an Entity interface', () => {
    const { supergraphSdl, apiSchemaSdl } = composeSupergraph([{ name: 'status', url: 'http://127.0.0.1:3/graphql', typeDefs: empty }]);
    expect(pluginFieldsOf(supergraphSdl, buildSchema(apiSchemaSdl))).toEqual({ plugins: [] });
  });
});

describe('GET /plugins', () => {
  const token = 'a-token-for-plugin-cards-0123456789';
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraph: { kind: 'sdl', supergraphSdl: compose().supergraphSdl },
      log: () => {},
      subgraphSecret: null,
      auth: { anonymous: false, apiTokens: [parseApiToken(`${token}=user:default/ada`)] },
      mcp: { mode: 'off' },
    });
  }, 60_000);
  afterAll(() => gateway?.stop());

  const pluginsUrl = () => gateway.url.replace(/\/graphql$/, '/plugins');

  it('serves the manifest to an authenticated caller', async () => {
    const response = await fetch(pluginsUrl(), { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { plugins: { name: string }[] };
    expect(body.plugins.map((plugin) => plugin.name)).toEqual(['oncall']);
  });

  it('refuses a caller the gateway would refuse on /graphql', async () => {
    expect((await fetch(pluginsUrl())).status).toBe(401);
    expect((await fetch(pluginsUrl(), { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
  });

  it('takes no writes', async () => {
    const response = await fetch(pluginsUrl(), { method: 'POST', body: '{}', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    expect(response.status).toBe(405);
  });
});

describe('pluginFieldsRoute', () => {
  it('answers 503 before a supergraph is loaded, and follows each swap', async () => {
    const { route, update } = pluginFieldsRoute();
    const answer = async () => {
      const sent: { status?: number; body?: string } = {};
      const response = { statusCode: 0, setHeader() {}, end(body?: string) { sent.status = this.statusCode; sent.body = body; } };
      await route({ method: 'GET' } as never, response as never);
      return sent;
    };
    expect((await answer()).status).toBe(503);
    const without = compose(false);
    update(without.supergraphSdl, buildSchema(without.apiSchemaSdl));
    expect(JSON.parse((await answer()).body!)).toEqual({ plugins: [] });
    const withPlugin = compose(true);
    update(withPlugin.supergraphSdl, buildSchema(withPlugin.apiSchemaSdl));
    expect(JSON.parse((await answer()).body!).plugins[0].name).toBe('oncall');
  });
});
