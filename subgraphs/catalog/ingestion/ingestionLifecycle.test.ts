import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningSubgraph } from '../../../kit';
import { describeEachDatabase, postGraphQL, startTestSubgraph, type TestDatabase } from '../../../kit/testing';
import { createCatalogSubgraph } from '..';
import type { CatalogContext } from '../context';
import { componentYaml } from './componentYaml';

const component = (name: string, owner?: string) => componentYaml(name, { owner });

// What happens to stored entities as their files change: all or nothing per file,
// orphans, conflicts between locations, and the direct write path.
describeEachDatabase('catalog ingestion lifecycle', (kind) => {
  let database: TestDatabase;
  let catalog: RunningSubgraph<CatalogContext & { stopRefresh?: () => void }>;
  let dir: string;
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  const refs = async () => {
    const result = await postGraphQL(catalog.url, '{ entities(first: 500) { edges { node { ref annotations { key value } } } } }');
    return Object.fromEntries(
      result.data!.entities.edges.map(({ node }: any) => [node.ref, node.annotations.some((a: any) => a.key === 'backstage.io/orphan')]),
    );
  };
  const gql = (query: string, variables?: Record<string, unknown>) => postGraphQL(catalog.url, query, variables);

  beforeAll(async () => {
    database = await kind.create();
    dir = mkdtempSync(path.join(tmpdir(), 'ensemble-lifecycle-'));
    catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0, localRoots: [dir] }), { databaseUrl: database.url });
  });
  afterAll(async () => {
    await catalog?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the last good state of a file that turns bad, and applies it once fixed', async () => {
    write('one.yaml', `${component('alpha')}---\n${component('beta')}`);
    const location = await catalog.services.ingestion.registerLocation(path.join(dir, 'one.yaml'));
    expect(await refs()).toEqual({ 'component:default/alpha': false, 'component:default/beta': false });

    write('one.yaml', `${component('alpha', 'team-b')}---\n${component('beta')}---\nkind: [broken\n`);
    await catalog.services.ingestion.refreshLocation(location.id);
    const owner = await gql('{ entity(ref: "component:alpha") { ... on Component { owner { ref } } relations(type: "ownedBy") { targetRef } } }');
    expect(owner.data!.entity.relations).toEqual([{ targetRef: 'group:default/team-a' }]);
    const errors = await gql('{ locations { errors { file message } } }');
    expect(errors.data!.locations[0].errors[0]).toMatchObject({ file: path.join(dir, 'one.yaml'), message: expect.stringMatching(/YAML error/) });

    write('one.yaml', `${component('alpha', 'team-b')}---\n${component('beta')}`);
    await catalog.services.ingestion.refreshLocation(location.id);
    const fixed = await gql('{ entity(ref: "component:alpha") { relations(type: "ownedBy") { targetRef } } locations { errors { message } } }');
    expect(fixed.data!.entity.relations).toEqual([{ targetRef: 'group:default/team-b' }]);
    expect(fixed.data!.locations[0].errors).toEqual([]);
  });

  it('marks an entity that left its file as an orphan, then removes it', async () => {
    write('one.yaml', component('alpha', 'team-b'));
    const [location] = (await gql('{ locations { id } }')).data!.locations;
    await catalog.services.ingestion.refreshLocation(location.id);
    expect(await refs()).toEqual({ 'component:default/alpha': false, 'component:default/beta': true });
    await catalog.services.ingestion.refreshLocation(location.id);
    expect(await refs()).toEqual({ 'component:default/alpha': false });
  });

  it('lets the first location keep an entity two locations claim, reporting the conflict', async () => {
    write('two.yaml', `${component('alpha', 'team-z')}---\n${component('gamma')}`);
    await catalog.services.ingestion.registerLocation(path.join(dir, 'two.yaml'));
    const result = await gql('{ entity(ref: "component:alpha") { relations(type: "ownedBy") { targetRef } } ingestionErrors(entityRef: "component:alpha") { file message } }');
    expect(result.data!.entity.relations).toEqual([{ targetRef: 'group:default/team-b' }]);
    expect(result.data!.ingestionErrors).toEqual([
      { file: path.join(dir, 'two.yaml'), message: `Entity component:default/alpha is already provided by ${path.join(dir, 'one.yaml')}; the first location keeps it` },
    ]);
    expect(Object.keys(await refs())).toContain('component:default/gamma');
  });

  it('applies descriptors directly: dry run writes nothing, a real one is read back at once', async () => {
    const yaml = `${component('direct-one')}---\n${component('direct-two', 'group:default/team-c')}`;
    const dry = await gql('mutation ($yaml: String!) { applyEntities(yaml: $yaml, dryRun: true) { applied refs relations { sourceRef type targetRef } errors { message } } }', { yaml });
    expect(dry.data!.applyEntities).toMatchObject({ applied: false, refs: ['component:default/direct-one', 'component:default/direct-two'], errors: [] });
    expect(dry.data!.applyEntities.relations).toContainEqual({ sourceRef: 'group:default/team-c', type: 'ownerOf', targetRef: 'component:default/direct-two' });
    expect((await gql('{ entity(ref: "component:direct-one") { ref } }')).data!.entity).toBeNull();

    const real = await gql('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied entities { ref } } }', { yaml });
    expect(real.data!.applyEntities).toEqual({ applied: true, entities: [{ ref: 'component:default/direct-one' }, { ref: 'component:default/direct-two' }] });
    expect((await gql('{ entity(ref: "component:direct-two") { ... on Component { owner { ref } } relations { targetRef } } }')).data!.entity.relations).toEqual([
      { targetRef: 'group:default/team-c' },
    ]);
  });

  it('refuses, all or nothing, a direct write with an invalid entity or one a file provides', async () => {
    const invalid = await gql('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied errors { entityRef message } } }', {
      yaml: `${component('direct-three')}---\n${component('bad name')}`,
    });
    expect(invalid.data!.applyEntities.applied).toBe(false);
    expect(invalid.data!.applyEntities.errors[0].message).toMatch(/"metadata\.name" is not valid/);
    const taken = await gql('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied errors { entityRef message } } }', {
      yaml: `${component('direct-three')}---\n${component('gamma')}`,
    });
    expect(taken.data!.applyEntities).toMatchObject({ applied: false, errors: [{ entityRef: 'component:default/gamma' }] });
    expect((await gql('{ entity(ref: "component:direct-three") { ref } }')).data!.entity).toBeNull();
  });

  it('unregisters a location with its entities, and says NOT_FOUND for an unknown one', async () => {
    const locations = (await gql('{ locations { id target } }')).data!.locations;
    const two = locations.find((location: { target: string }) => location.target.endsWith('two.yaml'));
    expect((await gql('mutation ($id: ID!) { unregisterLocation(id: $id) }', { id: two.id })).data!.unregisterLocation).toBe(true);
    expect(Object.keys(await refs())).not.toContain('component:default/gamma');
    const unknown = await gql('mutation { refreshLocation(id: "nope") { id } }');
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
    const missing = await gql('mutation ($target: String!) { registerLocation(target: $target) { id } }', { target: path.join(dir, 'absent.yaml') });
    expect(missing.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('takes over an entity left with no location, replacing its row and relations', async () => {
    // A location row removed outside unregisterLocation leaves its entities behind (ON DELETE SET NULL).
    const { prisma } = catalog.services;
    write('left.yaml', component('left-behind', 'team-old'));
    const old = await catalog.services.ingestion.registerLocation(path.join(dir, 'left.yaml'));
    await prisma.location.delete({ where: { id: old.id } });
    expect(await prisma.entity.findUnique({ where: { ref: 'component:default/left-behind' }, select: { locationId: true } })).toEqual({ locationId: null });

    write('taker.yaml', component('left-behind', 'team-new'));
    const taker = await catalog.services.ingestion.registerLocation(path.join(dir, 'taker.yaml'));
    const stored = await prisma.entity.findUnique({ where: { ref: 'component:default/left-behind' }, select: { locationId: true, ownerRef: true } });
    expect(stored).toEqual({ locationId: taker.id, ownerRef: 'group:default/team-new' });
    const owners = await prisma.relation.findMany({ where: { originRef: 'component:default/left-behind', type: 'ownedBy' }, select: { targetRef: true } });
    expect(owners).toEqual([{ targetRef: 'group:default/team-new' }]);
    expect((await gql('{ ingestionErrors(entityRef: "component:left-behind") { message } }')).data!.ingestionErrors).toEqual([]);
  });
});
