import { describeEachDatabase } from '../../kit/testing';
import { useDemoCatalog } from './useDemoCatalog';

interface KeyValue { key: string; value: string }
/** An entity as the API shows it: what the expectations below are computed from, in plain JS. */
interface Node {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  description: string | null;
  tags: string[];
  labels: KeyValue[];
  annotations: KeyValue[];
  spec: Record<string, any> | null;
  relations: { type: string; targetRef: string }[];
}

const NODE_FIELDS = 'ref kind namespace name title description tags labels { key value } annotations { key value } spec relations { type targetRef }';
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (refs: string[]) => [...refs].sort(byCodeUnits);
const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : null);
const valueOf = (pairs: KeyValue[], key: string) => pairs.find((pair) => pair.key === key)?.value;
const relatedTo = (node: Node, type: string, target: string) => node.relations.some((relation) => relation.type === type && relation.targetRef === target);
/** Every word of `text` starts a word of the name, title, description or tags. */
const textMatches = (node: Node, text: string) => {
  const words = [node.name, node.title ?? '', node.description ?? '', ...node.tags].join(' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).every((wanted) => words.some((word) => word.startsWith(wanted)));
};

describeEachDatabase('catalog query API', (kind) => {
  const demo = useDemoCatalog(kind);
  const { statements, post } = demo;
  let all: Node[];

  beforeAll(async () => {
    const result = await post(`{ entities(first: 500) { totalCount edges { node { ${NODE_FIELDS} } } } }`);
    expect(result.errors).toBeUndefined();
    all = result.data!.entities.edges.map((edge: { node: Node }) => edge.node);
    expect(all.length).toBe(result.data!.entities.totalCount);
    expect(all.length).toBeGreaterThan(50);
  });

  /** The refs `entities` returns for a filter, checking that totalCount agrees. */
  async function refsOf(filter: Record<string, unknown>): Promise<string[]> {
    const result = await post(`query ($filter: EntityFilter) { entities(filter: $filter, first: 500) { totalCount edges { node { ref } } } }`, { filter });
    expect(result.errors).toBeUndefined();
    const refs = result.data!.entities.edges.map((edge: { node: { ref: string } }) => edge.node.ref);
    expect(result.data!.entities.totalCount).toBe(refs.length);
    return refs;
  }
  async function expectFilter(filter: Record<string, unknown>, predicate: (node: Node) => boolean, atLeast = 1) {
    const expected = sorted(all.filter(predicate).map((node) => node.ref));
    expect(expected.length).toBeGreaterThanOrEqual(atLeast);
    expect(await refsOf(filter)).toEqual(expected);
  }

  it('filters by kind, namespace, type, lifecycle, owner and tags, case-insensitively', async () => {
    await expectFilter({ kind: ['COMPONENT'] }, (node) => node.kind === 'Component', 16);
    await expectFilter({ kind: ['api', 'Group'] }, (node) => node.kind === 'API' || node.kind === 'Group');
    await expectFilter({ namespace: ['DEFAULT'] }, (node) => node.namespace === 'default', all.length);
    await expectFilter({ type: ['Service'] }, (node) => lower(node.spec?.type) === 'service');
    await expectFilter({ lifecycle: ['production', 'EXPERIMENTAL'] }, (node) => ['production', 'experimental'].includes(lower(node.spec?.lifecycle)!));
    await expectFilter({ owner: ['team-payments'] }, (node) => relatedTo(node, 'ownedBy', 'group:default/team-payments'), 3);
    await expectFilter({ tags: ['kotlin', 'PCI'] }, (node) => node.tags.includes('kotlin') && node.tags.includes('pci'));
    expect(await refsOf({ kind: [] })).toEqual([]);
  });

  it('filters by labels, annotations and any spec field, lists matching any element', async () => {
    const tier = 'harborandfinch.example.com/tier';
    await expectFilter({ field: [{ field: `metadata.labels.${tier}`, values: ['0'] }] }, (node) => valueOf(node.labels, tier) === '0', 2);
    await expectFilter(
      { field: [{ field: 'metadata.annotations.github.com/project-slug', values: ['HARBOR-AND-FINCH/checkout-service'] }] },
      (node) => valueOf(node.annotations, 'github.com/project-slug') === 'harbor-and-finch/checkout-service',
    );
    // Spec values match as written: `checkout` and `system:default/checkout` are different strings.
    await expectFilter({ field: [{ field: 'spec.system', values: ['Checkout'] }] }, (node) => lower(node.spec?.system) === 'checkout', 2);
    await expectFilter(
      { field: [{ field: 'spec.consumesApis', values: ['payments-grpc'] }] },
      (node) => Array.isArray(node.spec?.consumesApis) && node.spec!.consumesApis.includes('payments-grpc'),
      2,
    );
    await expectFilter({ field: [{ field: 'metadata.tags', values: ['go', 'perl'] }] }, (node) => node.tags.includes('go') || node.tags.includes('perl'), 2);
  });

  it('filters by relation, with refs read leniently', async () => {
    const partOfCheckout = (node: Node) => relatedTo(node, 'partOf', 'system:default/checkout');
    await expectFilter({ relation: [{ type: 'PARTOF', targets: ['System:Checkout'] }] }, partOfCheckout, 4);
    await expectFilter({ field: [{ field: 'relations.partOf', values: ['system:default/checkout'] }] }, partOfCheckout, 4);
    await expectFilter(
      { relation: [{ type: 'ownedBy', targets: ['group:team-payments'] }, { type: 'consumesApi', targets: ['api:payments-grpc'] }] },
      (node) => relatedTo(node, 'ownedBy', 'group:default/team-payments') && relatedTo(node, 'consumesApi', 'api:default/payments-grpc'),
      2,
    );
  });

  it('filters on whether a field exists', async () => {
    const techdocs = 'backstage.io/techdocs-ref';
    await expectFilter({ hasField: [`metadata.annotations.${techdocs}`] }, (node) => valueOf(node.annotations, techdocs) !== undefined, 5);
    await expectFilter({ kind: ['component'], missingField: ['spec.system'] }, (node) => node.kind === 'Component' && node.spec?.system === undefined, 0);
    await expectFilter({ missingField: ['metadata.title', 'metadata.tags'] }, (node) => node.title === null && node.tags.length === 0);
    await expectFilter({ hasField: ['relations.dependsOn'] }, (node) => node.relations.some((relation) => relation.type === 'dependsOn'), 2);
  });

  it('searches name, title, description and tags by word prefixes', async () => {
    await expectFilter({ text: 'check' }, (node) => textMatches(node, 'check'), 3);
    await expectFilter({ text: 'PAY serv' }, (node) => textMatches(node, 'pay serv'), 1);
    await expectFilter({ text: 'kotlin' }, (node) => textMatches(node, 'kotlin'), 2);
    expect(await refsOf({ text: '  ' })).toHaveLength(all.length);
  });

  it('combines filters with and, or and not', async () => {
    await expectFilter(
      { or: [{ kind: ['api'] }, { kind: ['component'], type: ['service'] }], not: { lifecycle: ['deprecated'] } },
      (node) => (node.kind === 'API' || (node.kind === 'Component' && node.spec?.type === 'service')) && node.spec?.lifecycle !== 'deprecated',
      5,
    );
    // `not` keeps entities that lack the field: a user is certainly not a service.
    await expectFilter({ not: { type: ['service'] } }, (node) => lower(node.spec?.type) !== 'service', 20);
    await expectFilter(
      { and: [{ text: 'checkout' }, { not: { or: [{ kind: ['api'] }, { tags: ['perl'] }] } }] },
      (node) => textMatches(node, 'checkout') && node.kind !== 'API' && !node.tags.includes('perl'),
    );
    expect(await refsOf({ or: [] })).toEqual([]);
  });

  it('counts facets over the whole filter, as a manual count does', async () => {
    const fields = ['kind', 'spec.lifecycle', 'metadata.tags', 'relations.ownedBy', 'metadata.labels.harborandfinch.example.com/tier'];
    const result = await post(`query ($fields: [String!]!) {
      entities(first: 1, filter: { namespace: ["default"], not: { kind: ["location"] } }) { facets(fields: $fields, first: 500) { field values { value count } } }
    }`, { fields });
    expect(result.errors).toBeUndefined();
    const matching = all.filter((node) => node.kind !== 'Location');
    const valuesOf: Record<string, (node: Node) => string[]> = {
      kind: (node) => [node.kind],
      'spec.lifecycle': (node) => (typeof node.spec?.lifecycle === 'string' ? [node.spec.lifecycle] : []),
      'metadata.tags': (node) => node.tags,
      'relations.ownedBy': (node) => node.relations.filter((relation) => relation.type === 'ownedBy').map((relation) => relation.targetRef),
      'metadata.labels.harborandfinch.example.com/tier': (node) => [valueOf(node.labels, 'harborandfinch.example.com/tier')].filter((value): value is string => !!value),
    };
    for (const facet of result.data!.entities.facets) {
      const counts = new Map<string, number>();
      for (const node of matching) for (const value of new Set(valuesOf[facet.field](node))) counts.set(value, (counts.get(value) ?? 0) + 1);
      const expected = [...counts].map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || byCodeUnits(a.value, b.value));
      expect(expected.length).toBeGreaterThan(1);
      expect({ field: facet.field, values: facet.values }).toEqual({ field: facet.field, values: expected });
    }
    expect(result.data!.entities.facets.map((facet: { field: string }) => facet.field)).toEqual(fields);

    const top = await post(`{ entities(filter: { kind: ["component"] }) { facets(fields: ["spec.lifecycle"], first: 1) { values { value count } } } }`);
    const lifecycles = all.filter((node) => node.kind === 'Component' && node.spec?.lifecycle === 'production').length;
    expect(top.data!.entities.facets[0].values).toEqual([{ value: 'production', count: lifecycles }]);
  });

  describe('pages through every ordering without gaps or repeats', () => {
    const textKey = (pick: (node: Node) => unknown) => (node: Node) => lower(pick(node));
    const orderings: { orderBy: Record<string, string> | null; key?: (node: Node) => string | null }[] = [
      { orderBy: null, key: (node) => node.ref },
      { orderBy: { field: 'ref', direction: 'DESC' }, key: (node) => node.ref },
      { orderBy: { field: 'name' }, key: textKey((node) => node.name) },
      { orderBy: { field: 'metadata.title' }, key: textKey((node) => node.title) },
      { orderBy: { field: 'metadata.title', direction: 'DESC' }, key: textKey((node) => node.title) },
      { orderBy: { field: 'kind', direction: 'DESC' }, key: textKey((node) => node.kind) },
      { orderBy: { field: 'spec.lifecycle' }, key: textKey((node) => node.spec?.lifecycle) },
      { orderBy: { field: 'metadata.annotations.backstage.io/techdocs-ref', direction: 'DESC' }, key: textKey((node) => valueOf(node.annotations, 'backstage.io/techdocs-ref')) },
    ];

    /** What the API should return, from the plain data: missing values last, ties by ref. */
    function expectedOrder(key: (node: Node) => string | null, descending: boolean): string[] {
      const sign = descending ? -1 : 1;
      return [...all]
        .sort((a, b) => {
          const [ka, kb] = [key(a), key(b)];
          if (ka === null || kb === null) return ka === kb ? sign * byCodeUnits(a.ref, b.ref) : ka === null ? 1 : -1;
          return sign * (byCodeUnits(ka, kb) || byCodeUnits(a.ref, b.ref));
        })
        .map((node) => node.ref);
    }

    async function pageThrough(orderBy: unknown, filter: unknown, first: number) {
      const refs: string[] = [];
      const cursors: (string | null)[] = [null];
      let after: string | null = null;
      // Bounded: a cursor that failed to advance must fail the test, not hang it.
      for (let pages = 0; pages < 100; pages++) {
        const result: any = await post(`query ($orderBy: EntityOrder, $filter: EntityFilter, $after: String, $first: Int) {
          entities(orderBy: $orderBy, filter: $filter, after: $after, first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ref } } }
        }`, { orderBy, filter, after, first });
        expect(result.errors).toBeUndefined();
        const page = result.data.entities;
        refs.push(...page.edges.map((edge: { node: { ref: string } }) => edge.node.ref));
        if (page.edges.length) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
        if (!page.pageInfo.hasNextPage) return { refs, cursors, totalCount: page.totalCount as number };
        after = page.pageInfo.endCursor;
        cursors.push(after);
      }
      throw new Error('paging did not end');
    }

    it.each(orderings.map((ordering) => [JSON.stringify(ordering.orderBy), ordering] as const))('orderBy %s', async (_, { orderBy, key }) => {
      const { refs, cursors, totalCount } = await pageThrough(orderBy, null, 7);
      expect(cursors.length).toBeGreaterThan(5);
      expect(totalCount).toBe(all.length);
      expect(new Set(refs).size).toBe(refs.length);
      expect(refs).toEqual(expectedOrder(key!, orderBy?.direction === 'DESC'));
      // The same cursor gives the same page again.
      const again = await post(`query ($orderBy: EntityOrder, $after: String) { entities(orderBy: $orderBy, after: $after, first: 7) { edges { node { ref } } } }`,
        { orderBy, after: cursors[2] });
      expect(again.data!.entities.edges.map((edge: { node: { ref: string } }) => edge.node.ref)).toEqual(refs.slice(14, 21));
    });

    it('orders a text search by relevance, best match first, and pages it stably', async () => {
      const filter = { text: 'service' };
      const whole = await post(`query ($filter: EntityFilter) { entities(filter: $filter, first: 500, orderBy: { field: "relevance" }) { edges { node { ref name title } } } }`, { filter });
      expect(whole.errors).toBeUndefined();
      const ranked = whole.data!.entities.edges.map((edge: { node: Node }) => edge.node);
      expect(sorted(ranked.map((node: Node) => node.ref))).toEqual(sorted(all.filter((node) => textMatches(node, 'service')).map((node) => node.ref)));
      // Name and title weigh more than description: the first hits carry the word there.
      expect(`${ranked[0].name} ${ranked[0].title}`.toLowerCase()).toContain('service');
      expect(ranked.length).toBeGreaterThan(6);
      const { refs } = await pageThrough({ field: 'relevance' }, filter, 3);
      expect(refs).toEqual(ranked.map((node: Node) => node.ref));
      const reversed = await pageThrough({ field: 'relevance', direction: 'DESC' }, filter, 4);
      expect(reversed.refs).toEqual([...refs].reverse());
    });
  });

  it('loads entitiesByRefs in order, null for misses, in one query', async () => {
    statements.length = 0;
    const result = await post(`{ entitiesByRefs(refs: ["COMPONENT:default/Checkout-Service", "api:no-such-api", "group:team-payments", "component:checkout-service"]) { ref } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.entitiesByRefs).toEqual([
      { ref: 'component:default/checkout-service' },
      null,
      { ref: 'group:default/team-payments' },
      { ref: 'component:default/checkout-service' },
    ]);
    expect(statements).toHaveLength(1);
  });

  it('answers bad input with BAD_USER_INPUT', async () => {
    const refCursor = (await post('{ entities(first: 1) { pageInfo { endCursor } } }')).data!.entities.pageInfo.endCursor;
    const bad: [string, Record<string, unknown>?][] = [
      ['{ entities(orderBy: { field: "popularity" }) { totalCount } }'],
      ['{ entities(orderBy: { field: "metadata.tags" }) { totalCount } }'],
      ['{ entities(orderBy: { field: "relevance" }) { totalCount } }'],
      ['query ($o: EntityOrder) { entities(orderBy: $o) { totalCount } }', { o: { field: 'name', direction: 'SIDEWAYS' } }],
      ['{ entities(after: "bm90IGEgY3Vyc29y") { totalCount } }'],
      ['query ($after: String) { entities(after: $after, orderBy: { field: "name" }) { totalCount } }', { after: refCursor }],
      ['{ entities(first: 501) { totalCount } }'],
      ['{ entities(first: 0) { totalCount } }'],
      ['{ entities(filter: { field: [{ field: "owner", values: ["x"] }] }) { totalCount } }'],
      ['{ entities(filter: { relation: [{ type: "ownedBy", targets: ["team-payments"] }] }) { totalCount } }'],
      ['{ entities { facets(fields: ["spec..type"]) { field } } }'],
      ['{ entity(ref: "checkout-service") { ref } }'],
      ['{ entity(ref: "component:default/Not A Name") { ref } }'],
      ['{ entitiesByRefs(refs: ["component:checkout-service", "::"]) { ref } }'],
      ['query ($refs: [ID!]!) { entitiesByRefs(refs: $refs) { ref } }', { refs: Array.from({ length: 501 }, (_, index) => `component:c${index}`) }],
    ];
    for (const [query, variables] of bad) {
      const result = await post(query, variables);
      expect({ query, codes: result.errors?.map((error) => error.extensions?.code) }).toEqual({ query, codes: ['BAD_USER_INPUT'] });
    }
  });
});
