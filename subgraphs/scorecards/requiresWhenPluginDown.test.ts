import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gql } from 'graphql-tag';
import { startGateway, type RunningGateway } from '../../gateway/startGateway';
import type { SubgraphModule } from '../../kit';
import { postGraphQL, startTestSubgraph, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../../test/support/startPlatform';

/**
 * Why scorecards does not take its facts through `@requires`: a learning test of the
 * real gateway. A probe subgraph requires security's `vulnerabilitySummary`. While
 * security answers, the gateway passes the summary; once security is down, the gateway
 * drops the entity from the probe's `_entities` fetch (the required field is missing,
 * not null), so the probe is never asked and its field is null: everything that
 * requires a down plugin's field is lost, not just that plugin's part. If this test
 * ever fails, the gateway changed and `@requires` may become the better design.
 */
describe('@requires through the gateway when the required field’s subgraph is down', () => {
  let platform: TestPlatform;
  let probe: RunningTestSubgraph<unknown>;
  let gateway: RunningGateway;
  const probeCalls: unknown[] = [];

  const probeModule: SubgraphModule<object, object> = {
    name: 'probe',
    typeDefs: gql`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject", "@external", "@requires"])
      "Any entity, as the probe sees it."
      type Entity @key(fields: "ref") @interfaceObject {
        "The ref."
        ref: ID!
        "Security's summary, required below."
        vulnerabilitySummary: VulnerabilitySummary @external
        "What the probe was given."
        probe: String @requires(fields: "vulnerabilitySummary { critical }")
      }
      "Security's type, declared here only to be required."
      type VulnerabilitySummary @external {
        "Open critical findings."
        critical: Int!
      }
    `,
    resolvers: {
      Entity: {
        __resolveReference: (reference: unknown) => {
          probeCalls.push(reference);
          return reference;
        },
        probe: (entity: { vulnerabilitySummary?: { critical: number } | null }) =>
          entity.vulnerabilitySummary ? `critical=${entity.vulnerabilitySummary.critical}` : 'summary missing',
      },
    },
    migrationsDir: mkdtempSync(path.join(tmpdir(), 'probe-migrations-')),
    createServices: () => ({}),
    createContext: () => ({}),
  };

  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog', 'security'], subgraph: () => ({ demo: true }) });
    probe = await startTestSubgraph(probeModule);
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraph: { kind: 'subgraphs', subgraphs: [...Object.values(platform.subgraphs), probe].map(({ name, url }) => ({ name, url })) },
      subgraphSecret: TEST_SUBGRAPH_SECRET,
      log: () => undefined,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await probe?.stop();
    await platform?.stop();
  });

  const QUERY = `{ entity(ref: "component:default/checkout-service") { ref probe } }`;

  it('passes the required field while its subgraph answers', async () => {
    const result = await postGraphQL(gateway.url, QUERY);
    expect(result.errors).toBeUndefined();
    expect(result.data!.entity.probe).toMatch(/^critical=\d+$/);
    expect(probeCalls).toHaveLength(1);
  });

  it('never calls the requiring subgraph once the required field’s subgraph is down', async () => {
    await platform.subgraphs.security.stop();
    probeCalls.length = 0;
    const result = await postGraphQL(gateway.url, QUERY);
    expect(result.data!.entity).toEqual({ ref: 'component:default/checkout-service', probe: null });
    expect(probeCalls).toHaveLength(0);
    expect(JSON.stringify(result.errors)).toMatch(/security/);
  });
});
