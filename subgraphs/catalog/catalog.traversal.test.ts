import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeEachDatabase } from '../../kit/testing';
import { useDemoCatalog } from './useDemoCatalog';

interface Node { ref: string; kind: string; relations: { type: string; targetRef: string }[] }
const refsOf = (entities: { ref: string }[]) => entities.map((entity) => entity.ref);
const sorted = (refs: Iterable<string>) => [...refs].sort();

const component = (name: string, spec: Record<string, unknown>) =>
  ({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name }, spec: { type: 'service', lifecycle: 'production', ...spec } });
const group = (name: string, parent: string | null, children: string[]) =>
  ({ apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name }, spec: { type: 'team', children, ...(parent ? { parent } : {}) } });

/**
 * A tiny catalog of cycles: three groups each the parent of the next, round to the first;
 * a ring of twelve components each depending on the next; a clique of six depending on
 * one another (where counting paths, rather than entities, would explode).
 */
const ring = Array.from({ length: 12 }, (_, index) => `ring-${index}`);
const clique = Array.from({ length: 6 }, (_, index) => `clique-${index}`);
const ringAndClique = () => [...ring, ...clique];

function cyclicCatalog(): object[] {
  const loop = ['loop-a', 'loop-b', 'loop-c'];
  return [
    ...loop.map((name, index) => group(name, loop[(index + 2) % 3], [loop[(index + 1) % 3]])),
    ...loop.map((name) => component(`${name}-svc`, { owner: name })),
    ...ring.map((name, index) => component(name, { owner: 'loop-a', dependsOn: [`component:${ring[(index + 1) % ring.length]}`] })),
    ...clique.map((name) => component(name, { owner: 'loop-b', dependsOn: clique.filter((other) => other !== name).map((other) => `component:${other}`) })),
  ];
}

describeEachDatabase('catalog transitive fields', (kind) => {
  // Made now: the catalog starts with it as a folder it may read.
  const directory = mkdtempSync(path.join(tmpdir(), 'catalog-traversal-'));
  const demo = useDemoCatalog(kind, { localRoots: [directory] });
  const { statements, post } = demo;
  let all: Node[];
  const writeCatalog = (file: string, documents: object[]) => {
    const target = path.join(directory, file);
    writeFileSync(target, documents.map((document) => JSON.stringify(document)).join('\n---\n'));
    return target;
  };

  beforeAll(async () => {
    await demo.catalog.services.ingestion.registerLocation(writeCatalog('cycles.yaml', cyclicCatalog()));
    const result = await post('{ entities(first: 500) { edges { node { ref kind relations { type targetRef } } } } }');
    expect(result.errors).toBeUndefined();
    all = result.data!.entities.edges.map((edge: { node: Node }) => edge.node);
    expect(all.map((node) => node.ref)).toEqual(expect.arrayContaining(['group:default/loop-a', 'component:default/clique-5']));
  });
  afterAll(async () => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  /** Breadth-first over the relations the API lists: the answer `related` must give, computed in plain JS. */
  function walk(start: string, types: string[], maxDepth: number): string[] {
    const byRef = new Map(all.map((node) => [node.ref, node]));
    const depth = new Map<string, number>([[start, 0]]);
    let frontier = [start];
    for (let step = 1; step <= maxDepth && frontier.length; step++) {
      const next: string[] = [];
      for (const ref of frontier) {
        for (const relation of byRef.get(ref)?.relations ?? []) {
          if (types.includes(relation.type) && !depth.has(relation.targetRef)) {
            depth.set(relation.targetRef, step);
            next.push(relation.targetRef);
          }
        }
      }
      frontier = next;
    }
    return [...depth]
      .filter(([ref]) => ref !== start && byRef.has(ref))
      .sort(([refA, depthA], [refB, depthB]) => depthA - depthB || (refA < refB ? -1 : 1))
      .map(([ref]) => ref);
  }

  it('answers related for every entity as a breadth-first walk does, nearest first', async () => {
    for (const [types, maxDepth] of [[['dependsOn'], 2], [['partOf', 'hasPart'], 3], [['childOf'], 5], [['memberOf', 'hasMember', 'parentOf'], 4]] as const) {
      const result = await post(`query ($refs: [ID!]!, $types: [String!]!, $depth: Int) {
        entitiesByRefs(refs: $refs) { ref related(relationTypes: $types, maxDepth: $depth) { ref } }
      }`, { refs: all.map((node) => node.ref), types, depth: maxDepth });
      expect(result.errors).toBeUndefined();
      let nonEmpty = 0;
      for (const entity of result.data!.entitiesByRefs) {
        const expected = walk(entity.ref, [...types], maxDepth);
        if (expected.length) nonEmpty++;
        expect({ ref: entity.ref, related: refsOf(entity.related) }).toEqual({ ref: entity.ref, related: expected });
      }
      expect(nonEmpty).toBeGreaterThan(3);
    }
  });

  it("gives everything a group owns through its sub-groups, and a system's consumed APIs", async () => {
    const result = await post(`{
      org: entity(ref: "group:commerce-engineering") { ... on Group { ownsTransitively { ref } apis: ownsTransitively(kind: ["API"]) { ref kind } } }
      checkout: entity(ref: "system:checkout") { ... on System { consumedApis { ref } components { ref subcomponents { ref } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const { org, checkout } = result.data!;
    const groups = ['group:default/commerce-engineering', ...walk('group:default/commerce-engineering', ['parentOf'], 10)];
    expect(groups.length).toBeGreaterThan(3);
    const owned = new Set(groups.flatMap((ref) => walk(ref, ['ownerOf'], 1)));
    expect(sorted(refsOf(org.ownsTransitively))).toEqual(sorted(owned));
    expect(owned.size).toBeGreaterThan(10);
    expect(sorted(refsOf(org.apis))).toEqual(sorted([...owned].filter((ref) => ref.startsWith('api:'))));
    expect(org.apis.length).toBeGreaterThan(1);

    const components: string[] = checkout.components.flatMap((found: { ref: string; subcomponents: { ref: string }[] }) => [found.ref, ...refsOf(found.subcomponents)]);
    const consumed = new Set(components.flatMap((ref) => walk(ref, ['consumesApi'], 1)));
    expect(consumed.size).toBeGreaterThan(1);
    expect(sorted(refsOf(checkout.consumedApis))).toEqual(sorted(consumed));
  });

  it('ends on cycles, never returns the start, and stops at maxDepth', async () => {
    const result = await post(`{
      a: entity(ref: "group:loop-a") { ... on Group { ownsTransitively { ref } related(relationTypes: ["parentOf"], maxDepth: 10) { ref } } }
      short: entity(ref: "component:ring-0") { related(relationTypes: ["dependsOn"], maxDepth: 3) { ref } }
      long: entity(ref: "component:ring-0") { related(relationTypes: ["dependsOn"], maxDepth: 10) { ref } }
      clique: entity(ref: "component:clique-0") { related(relationTypes: ["dependsOn", "dependencyOf"], maxDepth: 10) { ref } }
    }`);
    expect(result.errors).toBeUndefined();
    const { a, short, long, clique } = result.data!;
    expect(sorted(refsOf(a.ownsTransitively))).toEqual(
      sorted(['loop-a-svc', 'loop-b-svc', 'loop-c-svc', ...ringAndClique()].map((name) => `component:default/${name}`)),
    );
    expect(refsOf(a.related)).toEqual(['group:default/loop-b', 'group:default/loop-c']);
    expect(refsOf(short.related)).toEqual(['component:default/ring-1', 'component:default/ring-2', 'component:default/ring-3']);
    expect(refsOf(long.related)).toEqual(Array.from({ length: 10 }, (_, index) => `component:default/ring-${index + 1}`));
    expect(refsOf(clique.related)).toEqual(['clique-1', 'clique-2', 'clique-3', 'clique-4', 'clique-5'].map((name) => `component:default/${name}`));
  });

  it('caps a transitive answer at 1000 entities', async () => {
    const many = Array.from({ length: 1001 }, (_, index) => component(`bulk-${String(index).padStart(4, '0')}`, { owner: 'bulk-owner' }));
    await demo.catalog.services.ingestion.registerLocation(writeCatalog('bulk.yaml', [group('bulk-owner', null, []), ...many]));
    const result = await post('{ entity(ref: "group:bulk-owner") { ... on Group { ownsTransitively { ref } } } }');
    expect(result.errors).toBeUndefined();
    const refs = refsOf(result.data!.entity.ownsTransitively);
    expect(refs).toHaveLength(1000);
    expect(refs.at(-1)).toBe('component:default/bulk-0999');
  });

  // Text search lives with the query tests, but only this catalog has names ending in a
  // number: PostgreSQL reads `ring-1` as the words `ring` and `-1`.
  it('finds names with a number after a hyphen by text, as typed', async () => {
    const search = async (text: string) => {
      const result = await post('query ($text: String!) { entities(filter: { text: $text }, first: 50) { totalCount edges { node { ref } } } }', { text });
      expect(result.errors).toBeUndefined();
      expect(result.data!.entities.totalCount).toBe(result.data!.entities.edges.length);
      return refsOf(result.data!.entities.edges.map((edge: { node: { ref: string } }) => edge.node));
    };
    const rings = (...numbers: number[]) => numbers.map((number) => `component:default/ring-${number}`);
    expect(await search('ring-1')).toEqual(rings(1, 10, 11));
    expect(await search('ring 11')).toEqual(rings(11));
    expect(await search('11')).toEqual(rings(11));
  });

  it('costs the same number of queries for one entity as for many', async () => {
    const groups = all.filter((node) => node.kind === 'Group').map((node) => ({ __typename: 'Group', ref: node.ref }));
    expect(groups.length).toBeGreaterThan(8);
    const cost = async (representations: unknown[]) => {
      statements.length = 0;
      const result = await post(`query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Group { ref ownsTransitively { ref } related(relationTypes: ["childOf"]) { ref } }
          ... on Entity { deps: related(relationTypes: ["dependsOn"], maxDepth: 3) { ref } }
        }
      }`, { representations });
      expect(result.errors).toBeUndefined();
      return statements.length;
    };
    const one = await cost(groups.slice(0, 1));
    const many = await cost(groups);
    expect(many).toBe(one);
    // Entities, then one walk per distinct field and arguments.
    expect(one).toBe(4);
  });

  it('refuses walks it would not bound', async () => {
    for (const query of [
      '{ entity(ref: "component:ring-0") { related(relationTypes: ["dependsOn"], maxDepth: 11) { ref } } }',
      '{ entity(ref: "component:ring-0") { related(relationTypes: ["dependsOn"], maxDepth: 0) { ref } } }',
      '{ entity(ref: "component:ring-0") { related(relationTypes: []) { ref } } }',
    ]) {
      const result = await post(query);
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('keeps cursors valid when entities are added between pages', async () => {
    const page = async (after: string | null) => {
      const result = await post(`query ($after: String) { entities(first: 5, after: $after, filter: { text: "ring" }) { pageInfo { endCursor } edges { node { ref } } } }`, { after });
      expect(result.errors).toBeUndefined();
      return result.data!.entities;
    };
    const first = await page(null);
    expect(refsOf(first.edges.map((edge: { node: { ref: string } }) => edge.node))).toEqual(
      ['ring-0', 'ring-1', 'ring-10', 'ring-11', 'ring-2'].map((name) => `component:default/${name}`),
    );
    // One new entity sorts before the cursor, one after it.
    await demo.catalog.services.ingestion.registerLocation(
      writeCatalog('more.yaml', [component('ring-00', { owner: 'loop-a' }), component('ring-3a', { owner: 'loop-a' })]),
    );
    const second = await page(first.pageInfo.endCursor);
    expect(refsOf(second.edges.map((edge: { node: { ref: string } }) => edge.node))).toEqual(
      ['ring-3', 'ring-3a', 'ring-4', 'ring-5', 'ring-6'].map((name) => `component:default/${name}`),
    );
  });
});
