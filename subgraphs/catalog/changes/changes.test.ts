import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { conditional, decodeFeedCursor, definePolicy, ALLOW, DENY, encodeFeedCursor, encodeIdentity, entityConditions, EventsExpiredError, eventsOverHttp, pruneEvents, signedHeaders, userIdentity, type CallerIdentity } from '../../../kit';
import { describeEachDatabase, postGraphQL, startTestSubgraph, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph, type TestDatabase } from '../../../kit/testing';
import { createCatalogSubgraph } from '..';
import type { CatalogContext } from '../context';

/*
 * Every write path of the catalog records an event per changed entity, in its transaction;
 * history and asOf come from the events' snapshots; `changes` is permission-filtered.
 */
const ADMIN = userIdentity('user:default/rosalind', ['group:default/admins']);
const TEAM_A = userIdentity('user:default/ada', ['group:default/team-a']);
const policy = definePolicy((request, identity) => {
  if (identity.type === 'anonymous') return DENY;
  if (identity.ownershipEntityRefs.includes('group:default/admins')) return ALLOW;
  if (request.action === 'catalog.entity.read') return conditional(entityConditions.isEntityOwner({ claims: identity.type === 'user' ? identity.ownershipEntityRefs : [] }));
  return DENY;
});

const component = (name: string, owner: string, description = 'a service') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  description: ${description}\nspec:\n  type: service\n  lifecycle: production\n  owner: ${owner}\n`;
const group = (name: string) => `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\nspec:\n  type: team\n  children: []\n`;
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

interface Change {
  change: string;
  ref: string;
  fields: string[];
  cursor: string;
}

describeEachDatabase('catalog change feed', (kind) => {
  const directory = mkdtempSync(path.join(tmpdir(), 'catalog-changes-'));
  const file = path.join(directory, 'catalog.yaml');
  let database: TestDatabase;
  let catalog: RunningTestSubgraph<CatalogContext>;
  let locationId: string;
  const as = (identity: CallerIdentity) => (query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(catalog.url, query, variables, signedHeaders(TEST_SUBGRAPH_SECRET, JSON.stringify({ query, variables }), Date.now(), encodeIdentity(identity)), {
      sign: false,
    });
  const CHANGES = `query ($after: String, $filter: EntityFilter, $first: Int) {
    changes(after: $after, filter: $filter, first: $first) { nodes { cursor change source ref fields recordedAt entity { ref } } pageInfo { hasNextPage endCursor } } }`;
  const changesAfter = async (after: string | null, identity = ADMIN, extra: Record<string, unknown> = {}) => {
    const result = await as(identity)(CHANGES, { after, first: 1000, ...extra });
    expect(result.errors).toBeUndefined();
    return result.data!.changes as { nodes: Change[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
  };
  const summary = (nodes: Change[]) => nodes.map((node) => `${node.change} ${node.ref} ${node.fields.join(',')}`.trim());

  beforeAll(async () => {
    database = await kind.create();
    catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 0, localRoots: [directory] }), { databaseUrl: database.url, policy });
    const groups = await as(ADMIN)('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml: [group('team-a'), group('team-b')].join('---\n') });
    expect(groups.data!.applyEntities.applied).toBe(true);
    afterGroups = (await changesAfter(null)).pageInfo.endCursor;
    expect(decodeFeedCursor(afterGroups)).toEqual({ catalog: 2 });
  });
  afterAll(async () => {
    await catalog?.stop();
    await database?.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  let afterCreate: string;
  let beforeOwnerChange: string;
  /** Where the feed stands once the owners' groups exist. */
  let afterGroups: string;

  it('records CREATED for a location read, and nothing when the unchanged file is read again', async () => {
    writeFileSync(file, [component('alpha', 'team-a'), component('beta', 'team-b')].join('---\n'));
    locationId = (await catalog.services.ingestion.registerLocation(file)).id;
    const page = await changesAfter(afterGroups);
    expect(summary(page.nodes)).toEqual([
      expect.stringMatching(/^CREATED component:default\/alpha .*spec\.owner/),
      expect.stringMatching(/^CREATED component:default\/beta .*spec\.owner/),
    ]);
    expect(page.nodes[0]).toMatchObject({ source: 'catalog', entity: { ref: 'component:default/alpha' } });
    afterCreate = page.pageInfo.endCursor;
    expect(decodeFeedCursor(afterCreate)).toEqual({ catalog: 4 });

    await catalog.services.ingestion.refreshLocation(locationId);
    // The file's content hash is the same: and even forcing a re-parse, equal entities record nothing.
    writeFileSync(file, [component('alpha', 'team-a'), component('beta', 'team-b')].join('---\n') + '\n# a comment\n');
    await catalog.services.ingestion.refreshLocation(locationId);
    expect((await changesAfter(afterCreate)).nodes).toEqual([]);
  });

  it('records UPDATED with the changed fields on a refresh, and keeps the old version for asOf', async () => {
    await pause();
    beforeOwnerChange = new Date().toISOString();
    await pause();
    writeFileSync(file, [component('alpha', 'team-b', 'moved to team b'), component('beta', 'team-b')].join('---\n'));
    await catalog.services.ingestion.refreshLocation(locationId);
    const page = await changesAfter(afterCreate);
    expect(summary(page.nodes)).toEqual(['UPDATED component:default/alpha metadata.description,spec.owner']);

    const AS_OF = `query ($asOf: DateTime) { entity(ref: "component:alpha", asOf: $asOf) { ref description ... on Component { owner { ref } spec } } }`;
    const old = await as(ADMIN)(AS_OF, { asOf: beforeOwnerChange });
    expect(old.errors).toBeUndefined();
    expect(old.data!.entity).toMatchObject({ description: 'a service', owner: { ref: 'group:default/team-a' }, spec: { owner: 'team-a' } });
    const now = await as(ADMIN)(AS_OF, { asOf: new Date().toISOString() });
    expect(now.data!.entity).toMatchObject({ description: 'moved to team b', owner: { ref: 'group:default/team-b' } });
    // Before it was created, it did not exist.
    expect((await as(ADMIN)(AS_OF, { asOf: '2020-01-01T00:00:00Z' })).data!.entity).toBeNull();
    expect((await as(ADMIN)(AS_OF, { asOf: 'yesterday' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const HISTORY = `query ($after: String) { entityHistory(ref: "component:alpha", first: 1, after: $after) {
      nodes { change fields entity { ... on Component { owner { ref } } } } pageInfo { hasNextPage endCursor } } }`;
    const first = (await as(ADMIN)(HISTORY)).data!.entityHistory;
    expect(first.nodes).toEqual([{ change: 'UPDATED', fields: ['metadata.description', 'spec.owner'], entity: { owner: { ref: 'group:default/team-b' } } }]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await as(ADMIN)(HISTORY, { after: first.pageInfo.endCursor })).data!.entityHistory;
    expect(second.nodes).toMatchObject([{ change: 'CREATED', entity: { owner: { ref: 'group:default/team-a' } } }]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await as(ADMIN)(HISTORY, { after: 'bogus' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records events for direct writes, deletes, orphans and unregistering', async () => {
    const start = (await changesAfter(null)).pageInfo.endCursor;
    const apply = await as(ADMIN)('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml: component('gamma', 'team-a') });
    expect(apply.data!.applyEntities.applied).toBe(true);
    // Writing the same entity again changes nothing.
    await as(ADMIN)('mutation ($yaml: String!) { applyEntities(yaml: $yaml) { applied } }', { yaml: component('gamma', 'team-a') });
    expect((await as(ADMIN)('mutation { removeEntity(ref: "component:gamma") }')).data!.removeEntity).toBe(true);
    const both = [component('alpha', 'team-b', 'moved to team b'), component('beta', 'team-b')].join('---\n');
    writeFileSync(file, component('alpha', 'team-b', 'moved to team b'));
    await catalog.services.ingestion.refreshLocation(locationId);
    // Back in its file before it was removed: the orphan comes back.
    writeFileSync(file, both);
    await catalog.services.ingestion.refreshLocation(locationId);
    writeFileSync(file, component('alpha', 'team-b', 'moved to team b'));
    await catalog.services.ingestion.refreshLocation(locationId);
    // The orphan policy removes it at the next read.
    await catalog.services.ingestion.refreshLocation(locationId);
    expect(await catalog.services.ingestion.unregisterLocation(locationId)).toBe(true);
    // Created and deleted name every path the entity has, in the same order whichever write path recorded them.
    const paths = 'apiVersion,kind,metadata.description,metadata.name,metadata.namespace,spec.lifecycle,spec.owner,spec.type';
    expect(summary((await changesAfter(start)).nodes)).toEqual([
      `CREATED component:default/gamma ${paths}`,
      `DELETED component:default/gamma ${paths}`,
      'ORPHANED component:default/beta orphaned',
      'UPDATED component:default/beta orphaned',
      'ORPHANED component:default/beta orphaned',
      `DELETED component:default/beta ${paths}`,
      `DELETED component:default/alpha ${paths}`,
    ]);
  });

  it('shows a restricted caller only the changes of entities it may read, a deletion judged by its snapshot', async () => {
    const all = await changesAfter(null);
    const mine = await changesAfter(null, TEAM_A);
    // team-a owned alpha until the owner change, and gamma: those versions' changes, none of beta's.
    expect(summary(mine.nodes)).toEqual([
      expect.stringMatching(/^CREATED component:default\/alpha /),
      expect.stringMatching(/^CREATED component:default\/gamma /),
      expect.stringMatching(/^DELETED component:default\/gamma /),
    ]);
    expect(all.nodes.length).toBeGreaterThan(mine.nodes.length);
    // A filter narrows further, on the entity as the change left it.
    const filtered = await changesAfter(null, ADMIN, { filter: { owner: ['team-b'] } });
    expect(new Set(filtered.nodes.map((node) => node.ref))).toEqual(new Set(['component:default/alpha', 'component:default/beta']));
  });

  it('pages with cursors that resume exactly, and refuses bad cursors, bounds and text filters', async () => {
    const all = (await changesAfter(null)).nodes;
    const seen: Change[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const page: { nodes: Change[]; pageInfo: { endCursor: string; hasNextPage: boolean } } = await changesAfter(after, ADMIN, { first: 2 });
      seen.push(...page.nodes);
      after = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
    }
    expect(seen.map((node) => node.cursor)).toEqual(all.map((node) => node.cursor));
    // A feed cursor with other sources' positions is read at its catalog position and carries them on.
    const mixed = await changesAfter(encodeFeedCursor({ catalog: 3, cicd: 7 }), ADMIN, { first: 1 });
    expect(decodeFeedCursor(mixed.nodes[0].cursor)).toEqual({ catalog: 4, cicd: 7 });
    for (const variables of [{ after: 'not-a-cursor' }, { first: 0 }, { first: 1001 }, { filter: { text: 'alpha' } }, { after: encodeFeedCursor({ catalog: 10_000 }) }]) {
      const result = await as(ADMIN)(CHANGES, variables);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('prunes events past the retention; a cursor from before them has expired', async () => {
    const start = encodeFeedCursor({ catalog: 0 });
    // A retention that has passed for every event: all but the newest go.
    expect(await pruneEvents(catalog.services.prisma, new Date(Date.now() + 60_000))).toBeGreaterThan(0);
    const result = await as(ADMIN)(CHANGES, { after: start });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/resume from position 0 of "catalog" expired/);
    // History before the oldest kept event is gone too, and says so (alpha's deletion is the one event left).
    const asOf = await as(ADMIN)('query ($asOf: DateTime) { entity(ref: "component:alpha", asOf: $asOf) { ref } }', { asOf: beforeOwnerChange });
    expect(asOf.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(asOf.errors?.[0].message).toMatch(/history of component:default\/alpha before .* is no longer kept/);
  });

  it('serves its log at /events and refuses the subscription itself', async () => {
    const head = await catalog.events!.read(-1, 1);
    expect(head.head).toBeGreaterThan(0);
    const overHttp = eventsOverHttp({ name: 'catalog', url: catalog.url, secret: TEST_SUBGRAPH_SECRET });
    expect(await overHttp.read(head.head - 1, 10)).toEqual(await catalog.events!.read(head.head - 1, 10));
    await expect(overHttp.read(0, 10)).rejects.toThrow(EventsExpiredError);
    await expect(eventsOverHttp({ name: 'catalog', url: catalog.url, secret: null }).read(head.head - 1, 10)).rejects.toThrow(/HTTP 401/);
    const subscription = await as(ADMIN)('subscription { entityChanged { ref } }');
    expect(subscription.errors?.[0].message).toMatch(/served by the gateway/);
  });
});
