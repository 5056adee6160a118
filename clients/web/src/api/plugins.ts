/**
 * The plugin subgraphs the entity page has a card for: which subgraph serves the card and
 * which `Entity` fields it reads. `pluginErrors` uses both to tell whose error is whose.
 */
export interface PluginSource {
  /** The subgraph's name, as supergraph.config.ts and the gateway's errors spell it. */
  subgraph: string;
  /** The top-level fields the card reads (under `entity`, or on `Query`). */
  fields: string[];
}

export const CICD: PluginSource = { subgraph: 'cicd', fields: ['latestRuns', 'buildStats', 'pipelineRuns', 'latestRun'] };
export const SECURITY: PluginSource = { subgraph: 'security', fields: ['vulnerabilitySummary', 'vulnerabilities'] };
export const TECHDOCS: PluginSource = { subgraph: 'techdocs', fields: ['docs', 'docPage'] };
export const SCORECARDS: PluginSource = { subgraph: 'scorecards', fields: ['scorecard', 'scorecardRollup'] };

/** The plugins whose cards are built into the entity page; every other plugin's card comes from GET /plugins (cards/PluginCards.tsx). */
export const PLUGINS: PluginSource[] = [CICD, SECURITY, SCORECARDS];
