import type { GraphQLErrorShape } from './fetchGraphQL';
import type { PluginSource } from './plugins';

/**
 * The errors that belong to one plugin's card. The gateway's error for a subgraph that is
 * down carries `extensions.serviceName` and a message naming the subgraph, but no `path`
 * (one failed fetch can null many fields); an error a plugin's resolver raised carries the
 * `path` of its field. Either one attributes the error.
 */
export function pluginErrors(errors: readonly GraphQLErrorShape[], plugin: PluginSource): GraphQLErrorShape[] {
  return errors.filter((error) => belongsTo(error, plugin));
}

/** The errors no plugin card claims: the catalog's own, shown for the whole page. */
export function unclaimedErrors(errors: readonly GraphQLErrorShape[], plugins: readonly PluginSource[]): GraphQLErrorShape[] {
  return errors.filter((error) => !plugins.some((plugin) => belongsTo(error, plugin)));
}

function belongsTo(error: GraphQLErrorShape, plugin: PluginSource): boolean {
  const service = error.extensions?.serviceName;
  if (typeof service === 'string') return service === plugin.subgraph;
  if (error.path?.some((segment) => typeof segment === 'string' && plugin.fields.includes(segment))) return true;
  return error.message.includes(`"${plugin.subgraph}"`);
}
