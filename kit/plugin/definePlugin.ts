import type { SubgraphModule } from '../server/subgraphModule';

/** Deployment settings as entry points pass them (the environment); only `bin/` reads `process.env`. */
export type PluginSettings = Readonly<Record<string, string | undefined>>;

/** One setting a plugin reads: entry points, `--help` and the docs list these, so none is hidden in code. */
export interface PluginSetting {
  /** The variable's name, prefixed with the plugin's name in capitals, e.g. `CICD_WEBHOOK_SECRET`. */
  name: string;
  type: 'string' | 'number' | 'boolean' | 'list' | 'url';
  /** Used when unset; `undefined` means the feature it drives is off. */
  default?: string;
  /** Never logged or shown; `describePluginSettings` prints `(secret)` instead of a value. */
  secret?: boolean;
  description: string;
}

/**
 * What a plugin needs from the rest of the platform. Today: the gateway, for a plugin that
 * reads the graph (as scorecards read facts from other plugins through it). Entry points
 * give `urlSetting` the gateway's URL, and when anonymous callers are refused they make a
 * token for `identity` and give it as `tokenSetting` (unless the operator set one).
 */
export interface PluginNeeds {
  gateway?: { urlSetting: string; tokenSetting: string; identity: string };
}

/** What a plugin brings to clients beyond its schema (which clients read from the composed graph). */
export interface PluginClientPieces {
  /**
   * A React card for the web UI's entity page that replaces the generic one, as a path from
   * the plugin's folder (e.g. `web/BuildsCard.tsx`, default export taking `{ entityRef }`).
   */
  webCard?: string;
}

/** graphql-codegen settings for the plugin's resolver types (scripts/generate.ts builds the config from these). */
export interface PluginCodegen {
  /** `<file under the plugin's folder>#<type>`, e.g. `context#CicdContext`. */
  contextType: string;
  /** GraphQL type -> `<file under the plugin's folder>#<type>` for the value its resolvers receive. */
  mappers?: Record<string, string>;
}

/**
 * A plugin's description of itself, kept in `subgraphs/<name>/plugin.ts` (the core catalog
 * is described the same way). It is a plain typed object: `supergraph.config.ts` lists
 * them, and entry points, the gateway, test helpers, codegen and the schema registry read
 * them instead of naming a plugin. `load` is lazy, so reading declarations loads no plugin code.
 */
export interface PluginDeclaration {
  /** The subgraph's name: its folders are `subgraphs/<name>` and `prisma/<name>`. */
  name: string;
  /** The owning team as CODEOWNERS spells it, e.g. `@ensemble/cicd-team`. */
  team: string;
  /** What the plugin adds to the graph, in one sentence. */
  description: string;
  /** Its default port when run on its own (`npm run subgraph -- <name>`). */
  port: number;
  settings: readonly PluginSetting[];
  needs?: PluginNeeds;
  /** What `--demo` (and `npm start`) loads, in one sentence; the module's `afterStart` loads it. */
  demoData?: string;
  client?: PluginClientPieces;
  /**
   * The changes it publishes on the change feed (kit/events, docs/feed.md), e.g.
   * `['PIPELINE_FAILED']`: the gateway reads its sources from these, naming no plugin.
   */
  events?: readonly string[];
  codegen: PluginCodegen;
  /** The subgraph itself, built from deployment settings. */
  load(settings?: PluginSettings): Promise<SubgraphModule<any, any>>;
}

/** Checked once, when the declaration is read: a mistake here names the plugin rather than failing later. */
export function definePlugin<T extends PluginDeclaration>(declaration: T): T {
  if (!/^[a-z][a-z0-9]*$/.test(declaration.name)) throw new Error(`Plugin name "${declaration.name}" must be lower-case letters and digits`);
  const prefix = `${declaration.name.toUpperCase()}_`;
  for (const setting of declaration.settings) {
    if (!setting.name.startsWith(prefix)) throw new Error(`Plugin ${declaration.name}: setting ${setting.name} must start with ${prefix}`);
  }
  if (!/^@[\w.-]+\/[\w.-]+$/.test(declaration.team)) throw new Error(`Plugin ${declaration.name}: team "${declaration.team}" must look like @org/team`);
  return declaration;
}
