import { errorBelongsTo } from '../../../sdk/pluginFields';
import type { GraphQLErrorShape } from './fetchGraphQL';
import type { PluginSource } from './plugins';

/**
 * The errors that belong to one plugin's card: by the subgraph named in the error, or by
 * its field's path (`errorBelongsTo`, shared with the SDK and `ensemble get`).
 */
export function pluginErrors(errors: readonly GraphQLErrorShape[], plugin: PluginSource): GraphQLErrorShape[] {
  return errors.filter((error) => belongsTo(error, plugin));
}

/** The errors no plugin card claims: the catalog's own, shown for the whole page. */
export function unclaimedErrors(errors: readonly GraphQLErrorShape[], plugins: readonly PluginSource[]): GraphQLErrorShape[] {
  return errors.filter((error) => !plugins.some((plugin) => belongsTo(error, plugin)));
}

function belongsTo(error: GraphQLErrorShape, plugin: PluginSource): boolean {
  return errorBelongsTo(error, plugin.subgraph, plugin.fields);
}
