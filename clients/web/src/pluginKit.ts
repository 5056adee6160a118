/**
 * What a plugin's own web card (`PluginDeclaration.client.webCard`, kept in the plugin's
 * folder) may use: the card frame that shows the plugin's errors, typed operations (a
 * `.graphql` file beside the card is generated into clients/generated like the UI's own,
 * and persisted), untyped field access, links. A card is the default export of its file
 * and takes `PluginWebCardProps`.
 */
import type { PluginSection } from '../../sdk/pluginFields';

export { PluginCard } from './components/PluginCard';
export { PluginFieldValue } from './components/PluginFieldValue';
export { Link } from './components/Link';
export { useEntityFields } from './api/useEntityFields';
export { useGraphQL } from './api/useGraphQL';
export { docsPath, entityPath } from './url/entityPaths';
export type { GraphQLErrorShape } from './api/fetchGraphQL';

export interface PluginWebCardProps {
  entityRef: string;
  /** The plugin's `Entity` fields as GET /plugins describes them (names, labels, shapes). */
  section: PluginSection;
}
