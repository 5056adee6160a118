import path from 'node:path';
import type { RunningSubgraph } from '../../../kit';
import { describeEachDatabase, postGraphQL, startTestSubgraph, type TestDatabase } from '../../../kit/testing';
import { catalogSubgraph, DEMO_CATALOG } from '..';
import type { CatalogContext } from '../context';

const BACKSTAGE_EXAMPLES = path.resolve(__dirname, '../../../../shared/fixtures/backstage-examples/catalog.yaml');

describeEachDatabase('catalog ingestion', (kind) => {
  let database: TestDatabase;
  let catalog: RunningSubgraph<CatalogContext>;
  const statements: string[] = [];
  beforeAll(async () => {
    database = await kind.create();
    catalog = await startTestSubgraph(catalogSubgraph, { databaseUrl: database.url, onQuery: (sql) => statements.push(sql) });
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

  it("loads Backstage's own example catalog without crashing, reporting what it rejects", async () => {
    const location = await catalog.services.ingestion.registerLocation(BACKSTAGE_EXAMPLES);
    const result = await postGraphQL(catalog.url, `query ($ref: ID!) {
      artist: entity(ref: $ref) { ref ... on Component { owner { ref } system { ref } } }
      locations { target errors { file entityRef message } }
    }`, { ref: 'component:default/artist-lookup' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.artist).toMatchObject({ ref: 'component:default/artist-lookup', owner: { ref: 'group:default/team-a' } });
    const errors = result.data!.locations.find((found: { target: string }) => found.target === location.target).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: expect.stringMatching(/invalid-component\.yaml$/), message: expect.stringMatching(/metadata\.name/) }),
      ]),
    );
  });
});
