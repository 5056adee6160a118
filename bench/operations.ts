import type { CatalogCounts } from './generateCatalog';

/** One benchmarked operation and the variable sets each request draws from. */
export interface BenchOperation {
  name: string;
  description: string;
  query: string;
  variables: Record<string, unknown>[];
  /** A new document per request (see LoadJob.unique). */
  unique?: { prefix: string; count: number };
}

const POOL = 500;

const ENTITY_PAGE_FIELDS = (withScorecard: boolean) => `
    ref kind name title description tags
    relations { type targetRef }
    ... on Component {
      type lifecycle
      owner { ref name }
      system { ref name }
      providesApis { ref name }
      dependsOn { ref }
    }
    latestRuns { pipeline status startedAt url }
    buildStats(window: 30) { runCount successRate }
    vulnerabilitySummary { critical high moderate low total }
    vulnerabilities(first: 5) { advisoryId severity title }
    docs { pageCount pages { path title } }
    ${withScorecard ? 'scorecard { level nextLevel results { status reason check { id } } }' : ''}`;

const pick = (total: number, salt: number) => Array.from({ length: Math.min(POOL, total) }, (_, i) => (i * 7919 + salt) % total);
const TOPICS = ['deployment', 'runbook', 'architecture', 'reservation', 'payments', 'inventory', 'latency', 'migration', 'config', 'overview'];

/** The operations of `npm run bench`, with variables drawn from the generated catalog. */
export function benchOperations(counts: CatalogCounts): Record<string, BenchOperation> {
  const components = pick(counts.components, 13).map((i) => ({ ref: `component:default/component-${i}` }));
  const groups = pick(counts.groups, 7).map((i) => ({ ref: `group:default/group-${i}` }));
  const lifecycles = ['production', 'experimental', 'deprecated'].map((lifecycle) => ({ lifecycle: [lifecycle] }));
  const operations: BenchOperation[] = [
    {
      name: 'entityPage',
      description: 'entity + owner + relations + every plugin card (cicd, security, techdocs, scorecards)',
      query: `query EntityPage($ref: ID!) { entity(ref: $ref) { ${ENTITY_PAGE_FIELDS(true)} } }`,
      variables: components,
    },
    {
      name: 'entityPageNoScorecard',
      description: 'the entity page without the scorecard (scorecards read facts through one gateway: kept out of comparisons)',
      query: `query EntityPage($ref: ID!) { entity(ref: $ref) { ${ENTITY_PAGE_FIELDS(false)} } }`,
      variables: components,
    },
    {
      name: 'list100',
      description: 'entities(filter: kind Component + lifecycle, first: 100), no totalCount',
      query: `query CatalogList($lifecycle: [String!]) { entities(filter: { kind: ["Component"], lifecycle: $lifecycle }, first: 100) {
        pageInfo { hasNextPage endCursor } edges { cursor node { ref kind name title ... on Component { type lifecycle } } } } }`,
      variables: lifecycles,
    },
    {
      name: 'list100Total',
      description: 'the same list with totalCount',
      query: `query CatalogList($lifecycle: [String!]) { entities(filter: { kind: ["Component"], lifecycle: $lifecycle }, first: 100) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ref kind name title ... on Component { type lifecycle } } } } }`,
      variables: lifecycles,
    },
    {
      name: 'ownsTransitively',
      description: 'what group X owns, transitively (Group.ownsTransitively, components)',
      query: `query Owned($ref: ID!) { entity(ref: $ref) { ref ... on Group { ownsTransitively(kind: ["Component"]) { ref name } } } }`,
      variables: groups,
    },
    {
      name: 'textSearch',
      description: 'entities(filter: { text }) , 20 rows with totalCount',
      query: `query Search($text: String!) { entities(filter: { text: $text }, first: 20) { totalCount edges { node { ref name title } } } }`,
      variables: pick(counts.components, 31).map((i) => ({ text: `component-${i}` })),
    },
    {
      name: 'searchDocs',
      description: 'techdocs searchDocs, 10 hits with the entity from the catalog',
      query: `query SearchDocs($query: String!) { searchDocs(query: $query, first: 10) { rank snippet page { path title } entity { ref name } } }`,
      variables: TOPICS.map((query) => ({ query })),
    },
    {
      name: 'uniqueDocuments',
      description: 'the entity page (no scorecard) with the ref written into the document as a literal and a numbered comment: a new document per request',
      query: `query EntityPage { entity(ref: $$) { ${ENTITY_PAGE_FIELDS(false)} } }`,
      variables: [],
      unique: { prefix: 'component:default/component-', count: counts.components },
    },
    {
      name: 'catalogEntity',
      description: 'one catalog-only field set (for added latency: through the gateway vs straight to the catalog subgraph)',
      query: `query One($ref: ID!) { entity(ref: $ref) { ref name title } }`,
      variables: components,
    },
  ];
  return Object.fromEntries(operations.map((operation) => [operation.name, operation]));
}
