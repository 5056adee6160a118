import { generateSubgraphSecret } from '../security/subgraphSecret';
import type { PluginDeclaration, PluginSettings } from './definePlugin';

/** A token an entry point made for a plugin that reads the graph; the gateway must accept it as `user`. */
export interface PluginGatewayToken {
  plugin: string;
  token: string;
  /** The user ref the plugin acts as, e.g. `user:default/scorecards`. */
  user: string;
}

/**
 * Gives plugins that declare `needs.gateway` what they need, in the settings entry points
 * pass to `load`: the gateway's URL (unless the operator set one) and, when the gateway
 * refuses anonymous callers and no token was set, a token made for this run, which the
 * caller registers with the gateway. Entry points and test helpers call this instead of
 * naming a plugin.
 */
export function provideGatewayNeeds(
  plugins: readonly PluginDeclaration[],
  settings: PluginSettings,
  gateway: { url: string; anonymous: boolean },
): { settings: Record<string, string | undefined>; tokens: PluginGatewayToken[] } {
  const provided: Record<string, string | undefined> = { ...settings };
  const tokens: PluginGatewayToken[] = [];
  for (const plugin of plugins) {
    const need = plugin.needs?.gateway;
    if (!need) continue;
    if (!provided[need.urlSetting]) provided[need.urlSetting] = gateway.url;
    if (gateway.anonymous || provided[need.tokenSetting]) continue;
    const token = generateSubgraphSecret();
    provided[need.tokenSetting] = token;
    tokens.push({ plugin: plugin.name, token, user: need.identity });
  }
  return { settings: provided, tokens };
}
