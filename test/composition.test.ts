import { gql } from 'graphql-tag';
import { composeProjectSupergraph } from '../gateway/composeProjectSupergraph';
import { composeSupergraph, CompositionError } from '../gateway/composeSupergraph';
import { SUBGRAPHS } from '../supergraph.config';

describe('supergraph composition', () => {
  it('composes every subgraph in supergraph.config.ts', async () => {
    const { supergraphSdl, apiSchemaSdl } = await composeProjectSupergraph();
    for (const entry of SUBGRAPHS) expect(supergraphSdl).toContain(`name: "${entry.name}"`);
    expect(apiSchemaSdl).toMatch(/interface Entity \{/);
    // A plugin's field reaches every kind of entity through @interfaceObject.
    expect(apiSchemaSdl).toMatch(/type Component implements Entity \{[^}]*latestRuns/);
    expect(apiSchemaSdl).not.toContain('join__');
  });

  it('returns composition hints, and the project composes without a description clash: KeyValue reads as the catalog wrote it', async () => {
    const { apiSchemaSdl, hints } = await composeProjectSupergraph();
    // Other types' hints say the catalog's description wins, which is what is meant.
    expect(hints.filter((hint) => /^INCONSISTENT_DESCRIPTION: Element "KeyValue/.test(hint))).toEqual([]);
    expect(apiSchemaSdl).toContain('"""A key/value pair from labels or annotations."""\ntype KeyValue');
    expect(apiSchemaSdl).not.toMatch(/only so `@requires`/);
    const clash = composeSupergraph(
      ['one', 'two'].map((name) => ({
        name,
        url: `http://${name}`,
        typeDefs: gql`
          extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable"])
          type Query { ${name}: Thing }
          "Described by ${name}." type Thing @shareable { id: ID }
        `,
      })),
    );
    expect(clash.hints.some((hint) => /^INCONSISTENT_DESCRIPTION: /.test(hint))).toBe(true);
  });

  it('fails, naming the clash, when a plugin breaks the federation contract', async () => {
    const catalog = await SUBGRAPHS.find((entry) => entry.name === 'catalog')!.load();
    const broken = gql`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])
      type Entity @key(fields: "ref") @interfaceObject {
        ref: ID!
        "Clashes with the catalog's own field of another type."
        name: Int
      }
    `;
    const compose = () =>
      composeSupergraph([
        { name: 'catalog', url: 'http://127.0.0.1:1/graphql', typeDefs: catalog.typeDefs },
        { name: 'broken', url: 'http://127.0.0.1:2/graphql', typeDefs: broken },
      ]);
    expect(compose).toThrow(CompositionError);
    expect(compose).toThrow(/name/);
  });
});
