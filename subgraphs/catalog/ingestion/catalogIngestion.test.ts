import path from 'node:path';
import type { RunningSubgraph } from '../../../kit';
import { describeEachDatabase, postGraphQL, startTestSubgraph, type TestDatabase } from '../../../kit/testing';
import { createCatalogSubgraph, DEMO_CATALOG } from '..';
import type { CatalogContext } from '../context';

const BACKSTAGE_EXAMPLES = path.resolve(__dirname, '../../../../shared/fixtures/backstage-examples/catalog.yaml');

describeEachDatabase('catalog ingestion', (kind) => {
  let database: TestDatabase;
  let catalog: RunningSubgraph<CatalogContext>;
  const statements: string[] = [];
  beforeAll(async () => {
    database = await kind.create();
    // Both catalogs are read as the operator's configured folders.
    const localRoots = [path.dirname(DEMO_CATALOG), path.dirname(BACKSTAGE_EXAMPLES)];
    catalog = await startTestSubgraph(createCatalogSubgraph({ localRoots }), { databaseUrl: database.url, onQuery: (sql) => statements.push(sql) });
  });
  afterAll(async () => {
    await catalog?.stop();
    await database?.drop();
  });

  it('loads the demo catalog with its relations in both directions', async () => {
    await catalog.services.ingestion.registerLocation(DEMO_CATALOG);
    const result = await postGraphQL(catalog.url, `{
      entities(first: 1) { totalCount }
      team: entity(ref: "group:team-payments") { ... on Group { owns { ref } members { ref } parent { ref } } }
      locations { target errors { message } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.entities.totalCount).toBe(63);
    expect(result.data!.team.owns.map((owned: { ref: string }) => owned.ref)).toContain('component:default/checkout-service');
    expect(result.data!.team.members.length).toBeGreaterThan(0);
    expect(result.data!.team.parent.ref).toBe('group:default/commerce-engineering');
    expect(result.data!.locations).toEqual([{ target: DEMO_CATALOG, errors: [] }]);
  });

  it('writes nothing to entities or relations when the same input is applied again', async () => {
    statements.length = 0;
    await catalog.services.ingestion.registerLocation(DEMO_CATALOG);
    const writes = statements.filter((sql) => /^(INSERT|UPDATE|DELETE)\b[^;]*"(entities|relations)"/i.test(sql.trim()));
    expect(writes).toEqual([]);
    expect(statements.length).toBeGreaterThan(0);
  });

  it("loads Backstage's own example catalog with exactly the entities and errors Backstage gives", async () => {
    const location = await catalog.services.ingestion.registerLocation(BACKSTAGE_EXAMPLES);
    const result = await postGraphQL(catalog.url, `{
      artist: entity(ref: "component:default/artist-lookup") { ref ... on Component { owner { ref } system { ref } dependsOn { ref } } }
      petstore: entity(ref: "api:petstore-webhook") { ... on API { definition } }
      custom: entity(ref: "airesource:default/code-review-plugin") { __typename kind spec }
      locations { id errors { file entityRef message } }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(data.artist).toMatchObject({
      owner: { ref: 'group:default/team-a' },
      system: { ref: 'system:default/artist-engagement-portal' },
      dependsOn: [{ ref: 'resource:default/artists-db' }],
    });
    // The `guest` user exists in two namespaces; both are kept.
    const everyone = await catalog.services.prisma.entity.findMany({ where: { locationId: location.id }, select: { ref: true } });
    expect(everyone.map((row) => row.ref)).toEqual(expect.arrayContaining(['user:default/guest', 'user:development/guest']));
    // Every document of every file the root location reaches, less the 14 Backstage rejects
    // (its default API schema wants a definition, which the mcp-server and ai-model-server
    // examples lack: the mcp-server schema is in Backstage's opt-in layer).
    expect(everyone).toHaveLength(71);
    // A local $text placeholder is resolved; custom kinds are kept whole.
    expect(data.petstore.definition).toMatch(/^openapi:/m);
    expect(data.custom).toMatchObject({ __typename: 'GenericEntity', kind: 'AiResource' });
    expect(everyone.map((row) => row.ref)).not.toContain('component:default/invalid component');
    const errors = data.locations.find((found: { id: string }) => found.id === location.id).errors;
    expect(errors.map((error: { file: string }) => path.basename(error.file)).sort()).toEqual([
      'analytics-api.yaml', 'aware-core-insight-api.yaml', 'aware-producer-service-api.yaml', 'backstage-mcp-server-api.yaml', 'config-schema-api.yaml',
      'invalid-component.yaml', 'local-ai-model-server-api.yaml', 'mapping-api.yaml', 'maps-analytics-api.yaml', 'odp-analytics-api.yaml', 'spotify-api.yaml',
      'wayback-archive-api.yaml', 'wayback-search-api.yaml', 'workplace-api.yaml',
    ]);
    const invalid = errors.find((error: { file: string }) => error.file.endsWith('invalid-component.yaml'));
    expect(invalid.message).toBe(
      '"metadata.name" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], ' +
        'at most 63 characters in total but found "invalid component". To learn more about catalog file format, visit: ' +
        'https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md',
    );
    const unreachable = errors.find((error: { file: string }) => error.file.endsWith('spotify-api.yaml'));
    expect(unreachable).toMatchObject({
      entityRef: 'api:default/spotify',
      message: expect.stringMatching(/^Placeholder \$text could not read location https:\/\/github\.com\//),
    });
  });
});
