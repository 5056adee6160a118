import type { SubgraphModule } from './kit';

/**
 * Every subgraph in the supergraph: adding a plugin is one line here (plus its folder
 * and a CODEOWNERS line). Modules load lazily so one subgraph's process never loads
 * another's code. `port` is its default port when run on its own.
 */
export interface SubgraphEntry {
  name: string;
  port: number;
  /** `settings` are deployment settings (entry points pass the environment), e.g. CICD_WEBHOOK_SECRET. */
  load(settings?: Settings): Promise<SubgraphModule<any, any>>;
}

type Settings = Readonly<Record<string, string | undefined>>;

export const SUBGRAPHS: SubgraphEntry[] = [
  {
    name: 'catalog',
    port: 4001,
    load: async (settings = {}) =>
      (await import('./subgraphs/catalog')).createCatalogSubgraph((await import('./subgraphs/catalog/catalogSettings')).catalogOptionsFrom(settings)),
  },
  {
    name: 'cicd',
    port: 4002,
    load: async (settings = {}) => (await import('./subgraphs/cicd')).createCicdSubgraph({ webhookSecret: settings.CICD_WEBHOOK_SECRET, acceptUnsignedWebhooks: settings.CICD_WEBHOOK_ALLOW_UNSIGNED === '1' }),
  },
  {
    name: 'techdocs',
    port: 4004,
    load: async (settings = {}) =>
      (await import('./subgraphs/techdocs')).createTechdocsSubgraph((await import('./subgraphs/techdocs/techdocsSettings')).techdocsOptionsFrom(settings)),
  },
  { name: 'security', port: 4003, load: async () => (await import('./subgraphs/security')).securitySubgraph },
  {
    name: 'scorecards',
    port: 4005,
    load: async (settings = {}) =>
      (await import('./subgraphs/scorecards')).createScorecardsSubgraph({
        gatewayUrl: settings.SCORECARDS_GATEWAY_URL,
        gatewayToken: settings.SCORECARDS_GATEWAY_TOKEN,
      }),
  },
];

export function findSubgraph(name: string): SubgraphEntry {
  const entry = SUBGRAPHS.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`Unknown subgraph "${name}"; known: ${SUBGRAPHS.map((known) => known.name).join(', ')}`);
  return entry;
}
