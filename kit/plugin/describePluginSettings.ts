import type { PluginDeclaration } from './definePlugin';

/** Each plugin's declared settings, one line each, for `--help`: a secret's default is never printed. */
export function describePluginSettings(plugins: readonly Pick<PluginDeclaration, 'name' | 'settings'>[]): string {
  const lines: string[] = [];
  for (const plugin of plugins) {
    for (const setting of plugin.settings) {
      const facts = [setting.type, setting.secret ? 'secret' : setting.default !== undefined ? `default ${setting.default}` : 'unset by default'];
      lines.push(`  ${setting.name} (${plugin.name}; ${facts.join(', ')}): ${setting.description}`);
    }
  }
  return lines.join('\n');
}
