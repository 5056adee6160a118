import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postGraphQL, startTestSubgraph, type RunningTestSubgraph } from '../../kit/testing';
import { createCatalogSubgraph } from '../../subgraphs/catalog';
import type { CatalogContext } from '../../subgraphs/catalog/context';
import { componentYaml } from '../../subgraphs/catalog/ingestion/componentYaml';

const APPLY = 'mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied errors { entityRef message } } }';

// Issue 15, section 3: bytes PostgreSQL cannot store are a validation error naming the
// field, on the direct write path and in a location, never an internal error.
describe('text PostgreSQL cannot store', () => {
  let dir: string;
  let catalog: RunningTestSubgraph<CatalogContext>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ensemble-unstorable-'));
    catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0, localRoots: [dir] }));
  });
  afterAll(async () => {
    await catalog?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['a NUL escape in YAML', componentYaml('nul', { metadata: '  description: "a\\0b"\n' }), '"metadata.description" contains a NUL character'],
    ['a NUL in a key', componentYaml('nul-key').replace('spec:\n', 'spec:\n  extra:\n    "a\\0b": x\n'), 'The key "spec.extra.a\ufffdb" contains a NUL character'],
    ['an unpaired surrogate', componentYaml('surrogate', { metadata: '  description: "x\\ud800"\n' }), '"metadata.description" contains an unpaired surrogate'],
  ])('refuses %s through applyEntities as a validation problem', async (_, yaml, message) => {
    const result = await postGraphQL(catalog.url, APPLY, { yaml });
    expect(result.errors).toBeUndefined();
    expect(result.data!.applyEntities.applied).toBe(false);
    expect(result.data!.applyEntities.errors[0].message).toContain(message);
  });

  it('records it as an error of the file in a location, and stores the location’s other files', async () => {
    writeFileSync(path.join(dir, 'bad.yaml'), componentYaml('bad-nul', { metadata: '  description: "a\\0b"\n' }));
    // Backstage's message for a bad label key quotes the key, NUL and all: stored with U+FFFD for it.
    writeFileSync(path.join(dir, 'bad-label.yaml'), componentYaml('bad-label', { metadata: '  labels:\n    "a\\0b": x\n' }));
    writeFileSync(path.join(dir, 'good.yaml'), componentYaml('good-neighbour'));
    await catalog.services.ingestion.registerLocation(path.join(dir, '*.yaml'));
    const result = await postGraphQL(catalog.url, '{ locations { errors { entityRef message } } a: entity(ref: "component:good-neighbour") { ref } b: entity(ref: "component:bad-nul") { ref } }');
    expect(result.errors).toBeUndefined();
    const errors = [...result.data!.locations[0].errors].sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    expect(errors).toEqual([
      { entityRef: 'component:default/bad-label', message: expect.stringContaining('"labels.a\ufffdb" is not valid') },
      { entityRef: 'component:default/bad-nul', message: expect.stringContaining('"metadata.description" contains a NUL character') },
    ]);
    expect(result.data!.a).toEqual({ ref: 'component:default/good-neighbour' });
    expect(result.data!.b).toBeNull();
  });
});
