import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * `virtual:plugin-web-cards`: the plugins' own cards, as `npm run generate` wrote them from the
 * declarations (src/generated/pluginWebCards.ts), or none when it has not run.
 */
function pluginWebCards(): Plugin {
  const generated = path.join(__dirname, 'src', 'generated', 'pluginWebCards.ts');
  const empty = '\0virtual:plugin-web-cards';
  return {
    name: 'ensemble-plugin-web-cards',
    resolveId: (id) => (id === 'virtual:plugin-web-cards' ? (existsSync(generated) ? generated : empty) : undefined),
    load: (id) => (id === empty ? 'export const pluginWebCards = {};' : undefined),
  };
}

/**
 * Builds the web UI into clients/web/dist (served by the gateway through
 * server/serveWebApp.ts). No React plugin: Vite 8 transforms TSX itself through Oxc; the
 * automatic runtime means no `import React` in every file. Fast refresh is not needed.
 */
export default defineConfig({
  root: __dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [pluginWebCards()],
  build: {
    outDir: path.join(__dirname, 'dist'),
    emptyOutDir: true,
    // React and Mantine are most of the one script (~140 KB gzipped); a few pages do not need code-splitting.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Mantine marks its modules "use client" for React Server Components; a client-only
      // bundle has no use for the directive, and a warning per module hides real ones.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    // `vite --config clients/web/vite.config.ts` during development: GraphQL from `npm start`.
    proxy: { '/graphql': 'http://localhost:4000', '/plugins': 'http://localhost:4000' },
  },
});
