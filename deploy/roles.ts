import type { PluginDeclaration } from '../kit/plugin/definePlugin';
import { SUBGRAPHS } from '../supergraph.config';

/**
 * What one image runs, chosen by its command (`node --import tsx <script> <args>`): the
 * deploy's processes, read from the entry points in bin/ and the plugin declarations, never
 * a hand-kept list of subgraphs. The manifests' renderer and the compose test both use it.
 */
export interface Role {
  /** `gateway`, `registry`, `migrate`, or a subgraph's name. */
  name: string;
  /** The entry point, relative to the image's working directory. */
  script: `bin/${string}.ts`;
  /** Arguments after the script (the subgraph's name, for a subgraph). */
  args: string[];
  /** The HTTP port it serves /graphql (or the registry's API), /healthz, /readyz and /metrics on; none for a Job. */
  port?: number;
  /** A long-running service, or a Job that runs to completion (migrations). */
  kind: 'service' | 'job';
  /** Its database's variable, when it has one. */
  databaseVariable?: string;
  /** The plugin declaration, for a subgraph. */
  plugin?: PluginDeclaration;
}

export const GATEWAY_PORT = 4000;
export const REGISTRY_PORT = 4100;

export function deployRoles(subgraphs: readonly PluginDeclaration[] = SUBGRAPHS): Role[] {
  return [
    { name: 'migrate', script: 'bin/migrate.ts', args: [], kind: 'job' },
    { name: 'registry', script: 'bin/registry.ts', args: [], port: REGISTRY_PORT, kind: 'service', databaseVariable: 'REGISTRY_DATABASE_URL' },
    { name: 'gateway', script: 'bin/gateway.ts', args: [], port: GATEWAY_PORT, kind: 'service' },
    ...subgraphs.map(
      (plugin): Role => ({
        name: plugin.name,
        script: 'bin/subgraph.ts',
        args: [plugin.name],
        port: plugin.port,
        kind: 'service',
        databaseVariable: `${plugin.name.toUpperCase()}_DATABASE_URL`,
        plugin,
      }),
    ),
  ];
}
