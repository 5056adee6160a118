import path from 'node:path';
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { parseApiToken } from '../../gateway/auth/parseApiTokens';
import { loadPolicyFile } from '../../kit';
import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';
import { selectEverything, type FieldArguments } from './support/entitySelection';

/*
 * The parity test: for a restricted user, every query path of the composed schema gives
 * what an unrestricted user gets, filtered by the policy, and nothing else. The paths come
 * from the schema: every root field must have a case below, and every field of Entity and
 * of each entity kind is selected by a generated selection; a field that needs arguments
 * nobody gave fails the test until it gets some. Policy: groupPolicy.yaml (a member sees
 * what their group owns, plus APIs and groups; plugin reads allowed; nothing else).
 */
const MEMBER_TOKEN = 'parity-member-token-0123456789';
const ADMIN_TOKEN = 'parity-admin-token-0123456789';
const MEMBER_REFS = ['user:default/tomas.herrera', 'group:default/team-payments'];

/** Arguments for fields of entities that require some. */
const RELATED_TYPES = ['dependsOn', 'dependencyOf', 'partOf', 'hasPart', 'ownedBy', 'ownerOf', 'parentOf', 'childOf'];
const ENTITY_FIELD_ARGS: FieldArguments = { 'Entity.related': `(relationTypes: ${JSON.stringify(RELATED_TYPES)})` };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Row {
  ref: string;
  kind: string;
  tags: string[];
  relations: { type: string; targetRef: string }[];
}

let platform: TestPlatform;
let schema: GraphQLSchema;
let everything: Row[];
let exists: Set<string>;
let visible: Set<string>;
const as = (token: string) => async (query: string, variables?: Record<string, unknown>) => {
  const result = await postGraphQL(platform.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
  expect(result.errors).toBeUndefined();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes, narrowed where read
  return result.data as Record<string, any>;
};
const asMember = as(MEMBER_TOKEN);
const asAdmin = as(ADMIN_TOKEN);

beforeAll(async () => {
  const policy = loadPolicyFile(path.join(__dirname, 'support/groupPolicy.yaml'));
  platform = await startPlatform({
    subgraph: () => ({ demo: true, policy }),
    // Webhook URLs on loopback (to a closed port: nothing is delivered, nothing leaves the machine).
    settings: { CATALOG_READ_ALLOW: '127.0.0.1', CATALOG_WEBHOOK_ALLOW_LOOPBACK: 'true' },
    gateway: {
      // The operation limits are not under test here: one generated selection asks for every field at once.
      limits: { maxTokens: 200_000, maxSelections: 200_000, maxDepth: 20, maxAliases: 2_000, maxCost: 1e9 },
      auth: {
        anonymous: false,
        apiTokens: [parseApiToken(`${MEMBER_TOKEN}=${MEMBER_REFS.join(',')}`), parseApiToken(`${ADMIN_TOKEN}=user:default/rosalind,group:default/admins`)],
      },
    },
  });
  schema = buildClientSchema((await asAdmin(getIntrospectionQuery())) as unknown as IntrospectionQuery);
  const all = await asAdmin(`{ entities(first: 500) { pageInfo { hasNextPage } edges { node { ref kind tags relations { type targetRef } } } } }`);
  const page = all.entities as { pageInfo: { hasNextPage: boolean }; edges: { node: Row }[] };
  expect(page.pageInfo.hasNextPage).toBe(false);
  everything = page.edges.map((edge) => edge.node);
  exists = new Set(everything.map((row) => row.ref));
  const owner = (row: Row) => row.relations.find((relation) => relation.type === 'ownedBy')?.targetRef ?? '';
  visible = new Set(everything.filter((row) => MEMBER_REFS.includes(owner(row)) || ['API', 'Group'].includes(row.kind)).map((row) => row.ref));
}, 600_000);
afterAll(() => platform?.stop());

const hidden = (ref: unknown) => typeof ref === 'string' && exists.has(ref) && !visible.has(ref);
/** Entities related to one the member may not read: a plugin reading the graph as the member sees them without that relation. */
const touchesHidden = (ref: string) => everything.some((row) => row.ref === ref && row.relations.some((relation) => hidden(relation.targetRef)));

/**
 * What two answers are compared on. `evaluatedAt` is when a scorecard was computed, not
 * data. A scorecard is computed by reading the graph as the caller (docs/permissions.md),
 * so for an entity related to a hidden one it is the scorecard of an entity without that
 * relation, which no filter of the admin's can give: those are checked against the
 * member's roll-up instead (Query.scorecardRollup).
 */
function comparable(value: Json): Json {
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== 'object') return value;
  const skipScorecard = typeof value.ref === 'string' && touchesHidden(value.ref);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'evaluatedAt' && !(skipScorecard && key === 'scorecard'))
      .map(([key, item]) => [key, comparable(item)]),
  );
}
const DROPPED = Symbol('dropped');

/**
 * The admin's answer as the policy lets the member see it: an entity the member may not
 * read is null (or gone from a list), and so is a relation to one; everything else is the same.
 */
function filtered(value: Json): Json | typeof DROPPED {
  if (Array.isArray(value)) return value.map(filtered).filter((item): item is Json => item !== DROPPED);
  if (value === null || typeof value !== 'object') return value;
  if (hidden(value.ref) || hidden(value.targetRef)) return DROPPED;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => {
    // A walk does not pass through a hidden entity, so it is walked again, not filtered.
    if (key === 'related' && typeof value.ref === 'string' && Array.isArray(item)) return [key, walkVisible(value.ref, item)];
    const kept = filtered(item);
    return [key, kept === DROPPED ? null : kept];
  }));
}
const asFiltered = (value: Json) => {
  const kept = filtered(value);
  return kept === DROPPED ? null : kept;
};

/**
 * `related` as the member must get it: the walk over the admin's relations that neither
 * returns nor passes through a hidden entity (it passes through refs with no entity),
 * nearest first then by ref, each entity as the admin's answer shows it.
 */
function walkVisible(start: string, adminAnswer: Json[]): Json[] {
  const shown = new Map(adminAnswer.map((item) => [(item as { ref: string }).ref, item]));
  const depth = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let step = 1; step <= 5 && frontier.length; step++) {
    const next: string[] = [];
    for (const ref of frontier) {
      for (const relation of everything.find((row) => row.ref === ref)?.relations ?? []) {
        if (!RELATED_TYPES.includes(relation.type) || hidden(relation.targetRef) || depth.has(relation.targetRef)) continue;
        depth.set(relation.targetRef, step);
        next.push(relation.targetRef);
      }
    }
    frontier = next;
  }
  const reached = [...depth.entries()].filter(([ref]) => ref !== start && exists.has(ref));
  reached.sort(([a, da], [b, db]) => da - db || (a < b ? -1 : 1));
  return reached.map(([ref]) => {
    const item = shown.get(ref);
    if (!item) throw new Error(`${ref} is reached from ${start} through visible entities, but the admin's walk did not reach it`);
    return asFiltered(item)!;
  });
}

/** What the member's facet over `relations.<type>` must hold: targets the member sees, counted over visible entities. */
function relationFacet(type: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of everything.filter((candidate) => visible.has(candidate.ref))) {
    const targets = new Set(row.relations.filter((relation) => relation.type === type && !hidden(relation.targetRef)).map((relation) => relation.targetRef));
    for (const target of targets) counts[target] = (counts[target] ?? 0) + 1;
  }
  return counts;
}

/** One case per root field: how to ask it, and what the member must get, from the admin's answer. */
interface RootCase {
  run(): Promise<void>;
}

const entitySelection = () => selectEverything(schema, 'Entity', ENTITY_FIELD_ARGS);
const hiddenRef = () => [...exists].find(hidden)!;
const visibleComponent = () => everything.find((row) => visible.has(row.ref) && row.kind === 'Component')!.ref;

/** The member gets exactly the admin's answer, filtered. */
async function sameAsFiltered(query: string, variables?: Record<string, unknown>): Promise<void> {
  const [member, admin] = await Promise.all([asMember(query, variables), asAdmin(query, variables)]);
  expect(comparable(member)).toEqual(comparable(asFiltered(admin)));
}

/** Root fields a caller whose catalog read is conditional gets nothing from (docs/permissions.md, "Plugins"). */
async function emptyForMember(query: string, empty: Json, variables?: Record<string, unknown>): Promise<void> {
  const [member, admin] = await Promise.all([asMember(query, variables), asAdmin(query, variables)]);
  expect(admin).not.toEqual(empty);
  expect(member).toEqual(empty);
}

const ROOT_CASES: Record<string, RootCase> = {
  entity: {
    run: async () => {
      for (const ref of [visibleComponent(), hiddenRef(), 'component:default/no-such-entity']) {
        await sameAsFiltered(`query ($ref: ID!) { entity(ref: $ref) { ${entitySelection().selection} } }`, { ref });
      }
    },
  },
  entitiesByRefs: {
    run: async () => {
      const query = `query ($refs: [ID!]!) { entitiesByRefs(refs: $refs) { ${entitySelection().selection} } }`;
      const refs = [...exists].sort();
      const [member, admin] = await Promise.all([asMember(query, { refs }), asAdmin(query, { refs })]);
      // In order, null where the member may not read the entity, as for one that does not exist.
      const expected = (admin.entitiesByRefs as Json[]).map((item, index) => (hidden(refs[index]) ? null : asFiltered(item)));
      expect(comparable(member.entitiesByRefs)).toEqual(comparable(expected));
    },
  },
  entities: {
    run: async () => {
      const types = [...new Set(everything.flatMap((row) => row.relations.map((relation) => relation.type)))].sort();
      const fields = ['kind', 'metadata.tags', ...types.map((type) => `relations.${type}`)].slice(0, 20);
      const member = await asMember(`query ($fields: [String!]!) { entities(first: 500) { totalCount edges { node { ref } } facets(fields: $fields, first: 500) { field values { value count } } } }`, { fields });
      const page = member.entities as { totalCount: number; edges: { node: { ref: string } }[]; facets: { field: string; values: { value: string; count: number }[] }[] };
      expect(page.edges.map((edge) => edge.node.ref).sort()).toEqual([...visible].sort());
      expect(page.totalCount).toBe(visible.size);
      const seen = everything.filter((row) => visible.has(row.ref));
      const count = (values: string[]) => values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});
      const expected: Record<string, Record<string, number>> = {
        kind: count(seen.map((row) => row.kind.toLowerCase())),
        'metadata.tags': count(seen.flatMap((row) => [...new Set(row.tags)])),
        ...Object.fromEntries(types.map((type) => [`relations.${type}`, relationFacet(type)])),
      };
      for (const facet of page.facets) {
        const lower = facet.field === 'kind';
        expect([facet.field, Object.fromEntries(facet.values.map((value) => [lower ? value.value.toLowerCase() : value.value, value.count]))]).toEqual([facet.field, expected[facet.field]]);
      }
      // Every filter on a relation to a hidden entity matches what one to a ref nobody has matches.
      const pairs = new Set(everything.flatMap((row) => row.relations.filter((relation) => hidden(relation.targetRef)).map((relation) => `${relation.type} ${relation.targetRef}`)));
      expect(pairs.size).toBeGreaterThan(0);
      for (const pair of pairs) {
        const [type, target] = pair.split(' ');
        const result = await asMember(`query ($type: String!, $target: ID!, $field: String!, $value: String!) {
          byRelation: entities(filter: { relation: [{ type: $type, targets: [$target] }] }) { totalCount }
          byField: entities(filter: { field: [{ field: $field, values: [$value] }] }) { totalCount }
        }`, { type, target, field: `relations.${type}`, value: target });
        expect(result).toEqual({ byRelation: { totalCount: 0 }, byField: { totalCount: 0 } });
      }
      // Text search, counted and listed, is the admin's filtered.
      for (const text of ['service', 'payment', 'api']) {
        const query = `query ($text: String!) { entities(first: 500, filter: { text: $text }) { totalCount edges { node { ref } } } }`;
        const [mine, all] = await Promise.all([asMember(query, { text }), asAdmin(query, { text })]);
        const allRefs = (all.entities as { edges: { node: { ref: string } }[] }).edges.map((edge) => edge.node.ref).filter((ref) => visible.has(ref));
        expect((mine.entities as { edges: { node: { ref: string } }[] }).edges.map((edge) => edge.node.ref)).toEqual(allRefs);
        expect((mine.entities as { totalCount: number }).totalCount).toBe(allRefs.length);
      }
    },
  },
  // Location reads are basic, and the policy gives the member none.
  locations: { run: () => emptyForMember('{ locations { id target } }', { locations: [] }) },
  ingestionErrors: {
    run: async () => {
      const member = await asMember('{ ingestionErrors { message } }');
      expect(member).toEqual({ ingestionErrors: [] });
    },
  },
  ingestionProgress: { run: () => emptyForMember('{ ingestionProgress { target filesRead } }', { ingestionProgress: [] }) },
  pipelineRunsFor: {
    run: () => emptyForMember('query ($ref: ID!) { pipelineRunsFor(entityRef: $ref) { id } }', { pipelineRunsFor: [] }, { ref: visibleComponent() }),
  },
  findings: {
    run: async () => {
      const member = await asMember('query ($ref: ID!) { findings(entityRef: $ref, state: null) { id } }', { ref: visibleComponent() });
      expect(member).toEqual({ findings: [] });
    },
  },
  searchDocs: { run: () => emptyForMember('{ searchDocs(query: "service") { snippet } }', { searchDocs: [] }) },
  docPage: {
    run: async () => {
      const member = await asMember('query ($ref: ID!) { docPage(entityRef: $ref, path: "index.md") { title } }', { ref: visibleComponent() });
      expect(member).toEqual({ docPage: null });
    },
  },
  // The catalog's part of the change feed: the admin's changes without those of entities the member may not read.
  changes: {
    run: async () => {
      const query = '{ changes(first: 1000) { pageInfo { hasNextPage } nodes { ref change fields } } }';
      const [member, admin] = await Promise.all([asMember(query), asAdmin(query)]);
      const all = admin.changes.nodes as { ref: string }[];
      expect(admin.changes.pageInfo.hasNextPage).toBe(false);
      expect(all.some((node) => hidden(node.ref))).toBe(true);
      expect(member.changes.nodes).toEqual(all.filter((node) => !hidden(node.ref)));
    },
  },
  // A visible entity's history is the admin's; a hidden one's reads like that of an entity that does not exist.
  entityHistory: {
    run: async () => {
      const query = 'query ($ref: ID!) { entityHistory(ref: $ref, first: 100) { nodes { change fields entity { ref } } } }';
      await sameAsFiltered(query, { ref: visibleComponent() });
      const [member, admin, missing] = await Promise.all([
        asMember(query, { ref: hiddenRef() }),
        asAdmin(query, { ref: hiddenRef() }),
        asMember(query, { ref: 'component:default/no-such-entity' }),
      ]);
      expect(admin.entityHistory.nodes.length).toBeGreaterThan(0);
      expect(member).toEqual(missing);
    },
  },
  // Webhooks are each caller's own, behind catalog.webhook.manage, which the member lacks.
  webhooks: {
    run: async () => {
      await adminWebhook();
      const [member, admin] = await Promise.all([asMember('{ webhooks { id } }'), asAdmin('{ webhooks { id } }')]);
      expect((admin.webhooks as unknown[]).length).toBeGreaterThan(0);
      expect(member).toEqual({ webhooks: [] });
    },
  },
  webhookDeliveries: {
    run: async () => {
      const query = 'query ($id: ID!) { webhookDeliveries(webhookId: $id) { nodes { id } } }';
      const id = await adminWebhook();
      expect((await asAdmin(query, { id })).webhookDeliveries).toBeDefined();
      const member = await postGraphQL(platform.gatewayUrl, query, { id }, { authorization: `Bearer ${MEMBER_TOKEN}` });
      expect(member.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    },
  },
  // Definitions, not catalog data: the same for everyone.
  checks: { run: () => sameAsFiltered('{ checks { id name level appliesTo } }') },
  checkRules: { run: () => sameAsFiltered('{ checkRules { name description facts } }') },
  scorecardRollup: {
    run: async () => {
      for (const groupBy of ['OWNER', 'SYSTEM']) {
        const query = `query ($groupBy: ScorecardGrouping!) { scorecardRollup(groupBy: $groupBy) { groupRef entityCount levels { level count } passRate } }`;
        const member = (await asMember(query, { groupBy })).scorecardRollup as { groupRef: string | null; entityCount: number; levels: { level: string | null; count: number }[] }[];
        const scored = await scoredVisibleEntities(groupBy);
        expect(member.map((row) => [row.groupRef, row.entityCount])).toEqual(scored.map(([group, refs]) => [group, refs.length]));
        // Each group's levels are those of the member's own scorecards of its entities.
        for (const [index, [, refs]] of scored.entries()) {
          const cards = (await asMember('query ($refs: [ID!]!) { entitiesByRefs(refs: $refs) { scorecard { level } } }', { refs })).entitiesByRefs as { scorecard: { level: string | null } }[];
          const levels = member[index].levels.filter((level) => level.count > 0).map((level) => [level.level, level.count]);
          const own = Object.entries(cards.reduce<Record<string, number>>((counts, card) => ({ ...counts, [String(card.scorecard.level)]: (counts[String(card.scorecard.level)] ?? 0) + 1 }), {}));
          expect(Object.fromEntries(levels.map(([level, count]) => [String(level), count]))).toEqual(Object.fromEntries(own));
        }
      }
    },
  },
};

let registered: Promise<string> | undefined;
/** The id of a webhook the admin registered (once). */
function adminWebhook(): Promise<string> {
  registered ??= asAdmin('mutation { registerWebhook(input: { url: "http://127.0.0.1:9/parity", secret: "parity-test-webhook-secret" }) { id } }').then(
    (data) => (data.registerWebhook as { id: string }).id,
  );
  return registered;
}

/** [group ref, the visible entities some check applies to in it], from the admin's view of visible entities and relations. */
async function scoredVisibleEntities(groupBy: string): Promise<[string | null, string[]][]> {
  const checks = (await asAdmin('{ checks { appliesTo } }')).checks as { appliesTo: string[] }[];
  const kinds = new Set(checks.flatMap((check) => check.appliesTo.map((kind) => kind.toLowerCase())));
  const type = groupBy === 'OWNER' ? 'ownedBy' : 'partOf';
  const groups = new Map<string | null, string[]>();
  for (const row of everything.filter((candidate) => visible.has(candidate.ref) && kinds.has(candidate.kind.toLowerCase()))) {
    const group = row.relations.find((relation) => relation.type === type && !hidden(relation.targetRef) && (type === 'ownedBy' || relation.targetRef.startsWith('system:')))?.targetRef ?? null;
    groups.set(group, [...(groups.get(group) ?? []), row.ref]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
}

describe('a restricted user gets, on every query path, what an unrestricted one gets filtered by the policy', () => {
  it('the demo catalog hides some entities from the member and shows others', () => {
    expect(visible.size).toBeGreaterThan(0);
    expect(everything.length).toBeGreaterThan(visible.size);
  });

  it('every root field of the composed schema has a case', () => {
    expect(Object.keys(schema.getQueryType()!.getFields()).filter((name) => !name.startsWith('_') && !(name in ROOT_CASES))).toEqual([]);
  });

  it('every field of Entity and of every entity kind is selected (fields needing arguments have some)', () => {
    expect(entitySelection().uncovered).toEqual([]);
  });

  it.each(Object.keys(ROOT_CASES))('Query.%s', async (name) => {
    expect(schema.getQueryType()!.getFields()[name]).toBeDefined();
    await ROOT_CASES[name].run();
  }, 120_000);
});
