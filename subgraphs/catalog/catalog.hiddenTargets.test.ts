import { conditional, definePolicy, ALLOW, DENY, encodeIdentity, entityConditions, signedHeaders, userIdentity } from '../../kit';
import { postGraphQL, startTestSubgraph, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph } from '../../kit/testing';
import { catalogSubgraph } from '.';

/*
 * Filters and facets over relations see only relations the caller sees: a relation to an
 * entity the caller may not read is not there, so a filter on a hidden target matches
 * exactly what a filter on a ref nobody has matches (nothing), and facets never list it.
 * Expectations are worked out from what an admin sees and the ownership rule, not from SQL.
 */
const PAYMENTS = userIdentity('user:default/tomas.herrera', ['group:default/team-payments']);
const ADMIN = userIdentity('user:default/rosalind', ['group:default/admins']);
const policy = definePolicy((request, identity) => {
  if (identity.type === 'anonymous') return DENY;
  if (identity.ownershipEntityRefs.includes('group:default/admins')) return ALLOW;
  if (request.action !== 'catalog.entity.read') return DENY;
  return conditional({
    anyOf: [entityConditions.isEntityOwner({ claims: identity.ownershipEntityRefs }), entityConditions.isEntityKind({ kinds: ['API', 'Group'] })],
  });
});

interface Row {
  ref: string;
  kind: string;
  relations: { type: string; targetRef: string }[];
}

let catalog: RunningTestSubgraph<unknown>;
let everything: Row[];
let visible: Set<string>;
const as = (identity: typeof PAYMENTS) => (query: string) =>
  postGraphQL(catalog.url, query, undefined, signedHeaders(TEST_SUBGRAPH_SECRET, JSON.stringify({ query }), Date.now(), encodeIdentity(identity)), {
    sign: false,
  });
const asPayments = as(PAYMENTS);

beforeAll(async () => {
  catalog = await startTestSubgraph(catalogSubgraph, { demo: true, policy });
  const all = await as(ADMIN)(`{ entities(first: 500) { edges { node { ref kind relations { type targetRef } } } } }`);
  expect(all.errors).toBeUndefined();
  everything = all.data!.entities.edges.map((edge: { node: Row }) => edge.node);
  const owner = (row: Row) => row.relations.find((relation) => relation.type === 'ownedBy')?.targetRef ?? '';
  visible = new Set(everything.filter((row) => PAYMENTS.type === 'user' && (PAYMENTS.ownershipEntityRefs.includes(owner(row)) || ['API', 'Group'].includes(row.kind))).map((row) => row.ref));
}, 60_000);
afterAll(() => catalog?.stop());

/** A relation from a visible entity to a hidden one, as the admin sees it. */
function hiddenTargetOfVisible(): { source: string; type: string; target: string } {
  for (const row of everything) {
    if (!visible.has(row.ref)) continue;
    const relation = row.relations.find((candidate) => everything.some((other) => other.ref === candidate.targetRef) && !visible.has(candidate.targetRef));
    if (relation) return { source: row.ref, type: relation.type, target: relation.targetRef };
  }
  throw new Error('the demo catalog has no visible entity related to a hidden one');
}

describe('relation filters and facets under a conditional read', () => {
  it('the demo catalog relates a visible entity to a hidden one', () => {
    const { target } = hiddenTargetOfVisible();
    expect(visible.has(target)).toBe(false);
  });

  it('a relation filter on a hidden target matches what one on a ref nobody has matches: nothing', async () => {
    const { type, target } = hiddenTargetOfVisible();
    for (const filter of [
      `relation: [{ type: "${type}", targets: ["${target}"] }]`,
      `field: [{ field: "relations.${type}", values: ["${target}"] }]`,
    ]) {
      const hidden = await asPayments(`{ entities(filter: { ${filter} }) { totalCount edges { node { ref } } } }`);
      const nobody = await asPayments(`{ entities(filter: { ${filter.replace(target, 'component:default/no-such-entity')} }) { totalCount edges { node { ref } } } }`);
      expect(hidden.errors).toBeUndefined();
      expect(hidden.data).toEqual(nobody.data);
      expect(hidden.data!.entities.totalCount).toBe(0);
    }
  });

  it('facets over relations list no hidden target, and count what the relations the caller sees hold', async () => {
    const types = [...new Set(everything.flatMap((row) => row.relations.map((relation) => relation.type)))].sort().slice(0, 20);
    const result = await asPayments(`{ entities { facets(fields: ${JSON.stringify(types.map((type) => `relations.${type}`))}, first: 500) { field values { value count } } } }`);
    expect(result.errors).toBeUndefined();
    const exists = new Set(everything.map((row) => row.ref));
    types.forEach((type, index) => {
      const expected = new Map<string, number>();
      for (const row of everything.filter((candidate) => visible.has(candidate.ref))) {
        const targets = new Set(row.relations.filter((relation) => relation.type === type).map((relation) => relation.targetRef));
        for (const target of targets) if (visible.has(target) || !exists.has(target)) expected.set(target, (expected.get(target) ?? 0) + 1);
      }
      const facet = result.data!.entities.facets[index];
      expect(Object.fromEntries(facet.values.map((value: { value: string; count: number }) => [value.value, value.count]))).toEqual(Object.fromEntries(expected));
    });
  });

  it('hasField on a relation counts only visible targets', async () => {
    const { source, type } = hiddenTargetOfVisible();
    const result = await asPayments(`{ entities(filter: { field: [{ field: "ref", values: ["${source}"] }], hasField: ["relations.${type}"] }) { totalCount } }`);
    expect(result.errors).toBeUndefined();
    const exists = new Set(everything.map((row) => row.ref));
    const row = everything.find((candidate) => candidate.ref === source)!;
    const seen = row.relations.some((relation) => relation.type === type && (visible.has(relation.targetRef) || !exists.has(relation.targetRef)));
    expect(result.data!.entities.totalCount).toBe(seen ? 1 : 0);
  });
});
