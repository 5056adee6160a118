import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * Builds the web UI into clients/web/dist (served by the gateway through
 * server/serveWebApp.ts). No React plugin: Vite 8 transforms TSX itself through Oxc; the
 * automatic runtime means no `import React` in every file. Fast refresh is not needed.
 */
export default defineConfig({
  root: __dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
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
    proxy: { '/graphql': 'http://localhost:4000' },
  },
});
