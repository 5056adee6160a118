import type { EntityFacts, FactName, LinkFact } from './entityFacts';

/** The value of a known fact. */
export type FactValue<Name extends FactName> = Extract<EntityFacts[Name], { known: true }>['value'];

/** An entity as `entitiesByRefs` returns it, with the fields the selections below ask for. */
export type FactNode = Record<string, any>;

/** Where one fact is read: a selection on `Entity` in the graph, and which subgraph serves it. */
export interface FactSource<Name extends FactName = FactName> {
  /** The subgraph that serves the fields, as the gateway names it in errors (`Subgraph "security" is unavailable`). */
  subgraph: string;
  /** GraphQL selected on each entity; facts sharing a selection share it in the query. */
  selection: (options: FactQueryOptions) => string;
  /** The response keys it reads: an error at one of these paths, or one from `subgraph` while they are null, makes it unknown. */
  fields: string[];
  /** The fact's value from the entity's data; `undefined` when the data does not say (nulled by an error). */
  read(node: FactNode): FactValue<Name> | undefined;
}

export interface FactQueryOptions {
  /** The branch whose CI runs count as the default branch's, e.g. `main`. */
  defaultBranch: string;
}

const OWNER = () => `ownedBy: relations(type: "ownedBy") { targetRef target { ref } }`;
const VULNERABILITIES = () => `vulnerabilitySummary { critical high }`;
const BUILD_STATS = () => `buildStats(window: 30) { successRate }`;

/**
 * The one place that knows which field of the graph holds which fact. Plugins' fields
 * are read through the gateway like any client would, never through their code.
 */
export const FACT_SOURCES: { [Name in FactName]: FactSource<Name> } = {
  owner: {
    subgraph: 'catalog',
    selection: OWNER,
    fields: ['ownedBy'],
    read: (node) => {
      if (!Array.isArray(node.ownedBy)) return undefined;
      const relation = node.ownedBy[0];
      return relation ? { ref: relation.targetRef, exists: relation.target !== null } : null;
    },
  },
  lifecycle: {
    subgraph: 'catalog',
    // Only the kinds that have a lifecycle; for the others it is simply not set.
    selection: () => `... on Component { lifecycle } ... on API { lifecycle }`,
    fields: ['lifecycle'],
    read: (node) => node.lifecycle ?? null,
  },
  system: {
    subgraph: 'catalog',
    selection: () => `partOf: relations(type: "partOf") { targetRef }`,
    fields: ['partOf'],
    read: (node) => {
      if (!Array.isArray(node.partOf)) return undefined;
      return node.partOf.map((relation: { targetRef: string }) => relation.targetRef).find((ref: string) => ref.startsWith('system:')) ?? null;
    },
  },
  annotations: {
    subgraph: 'catalog',
    selection: () => `annotations { key value }`,
    fields: ['annotations'],
    read: (node) => (Array.isArray(node.annotations) ? node.annotations : undefined),
  },
  links: {
    subgraph: 'catalog',
    selection: () => `links { url title type }`,
    fields: ['links'],
    read: (node) => (Array.isArray(node.links) ? (node.links as LinkFact[]) : undefined),
  },
  docsPageCount: {
    subgraph: 'techdocs',
    selection: () => `docs { pageCount }`,
    fields: ['docs'],
    // Null docs from a techdocs that answered means nothing was published.
    read: (node) => (node.docs === undefined ? undefined : (node.docs?.pageCount ?? 0)),
  },
  defaultBranchStatus: {
    subgraph: 'cicd',
    selection: ({ defaultBranch }) => `latestRun(branch: ${JSON.stringify(defaultBranch)}, statuses: [SUCCEEDED, FAILED]) { status }`,
    fields: ['latestRun'],
    read: (node) => (node.latestRun === undefined ? undefined : (node.latestRun?.status ?? null)),
  },
  buildSuccessRate: {
    subgraph: 'cicd',
    selection: BUILD_STATS,
    fields: ['buildStats'],
    read: (node) => (node.buildStats ? node.buildStats.successRate : undefined),
  },
  openCritical: {
    subgraph: 'security',
    selection: VULNERABILITIES,
    fields: ['vulnerabilitySummary'],
    read: (node) => node.vulnerabilitySummary?.critical,
  },
  openHigh: {
    subgraph: 'security',
    selection: VULNERABILITIES,
    fields: ['vulnerabilitySummary'],
    read: (node) => node.vulnerabilitySummary?.high,
  },
};
