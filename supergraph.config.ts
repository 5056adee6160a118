import type { SubgraphModule } from './kit';

/**
 * Every subgraph in the supergraph: adding a plugin is one line here (plus its folder
 * and a CODEOWNERS line). Modules load lazily so one subgraph's process never loads
 * another's code. `port` is its default port when run on its own.
 */
export interface SubgraphEntry {
  name: string;
  port: number;
  load(): Promise<SubgraphModule<any, any>>;
}

export const SUBGRAPHS: SubgraphEntry[] = [
  { name: 'catalog', port: 4001, load: async () => (await import('./subgraphs/catalog')).catalogSubgraph },
  { name: 'cicd', port: 4002, load: async () => (await import('./subgraphs/cicd')).cicdSubgraph },
  { name: 'techdocs', port: 4004, load: async () => (await import('./subgraphs/techdocs')).techdocsSubgraph },
  { name: 'security', port: 4003, load: async () => (await import('./subgraphs/security')).securitySubgraph },
];

export function findSubgraph(name: string): SubgraphEntry {
  const entry = SUBGRAPHS.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`Unknown subgraph "${name}"; known: ${SUBGRAPHS.map((known) => known.name).join(', ')}`);
  return entry;
}
