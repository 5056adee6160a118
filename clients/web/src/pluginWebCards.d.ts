/**
 * The plugins' own web cards, by plugin name: `npm run generate` writes
 * src/generated/pluginWebCards.ts from each declaration's `client.webCard`, and
 * vite.config.ts serves it under this name (an empty map when it was never generated).
 */
declare module 'virtual:plugin-web-cards' {
  import type { ComponentType, LazyExoticComponent } from 'react';
  import type { PluginWebCardProps } from './pluginKit';
  export const pluginWebCards: Readonly<Record<string, LazyExoticComponent<ComponentType<PluginWebCardProps>>>>;
}
