/**
 * Backstage's real catalog backend, as `npm run bench -- --startup` runs it beside
 * Ensemble: `@backstage/backend-defaults` with the catalog plugin only, on in-memory
 * SQLite, reading one root location. Plain JavaScript in its own package (this folder's
 * package.json and lock file), installed on demand by the bench, never by the root install.
 *
 *   node serveBackstage.js <port> <root location file>
 */
const { mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const [port, root] = process.argv.slice(2);
if (!port || !root) throw new Error('usage: node serveBackstage.js <port> <root location file>');

// Backstage reads its configuration from the files named with --config.
const config = path.join(mkdtempSync(path.join(tmpdir(), 'backstage-bench-')), 'app-config.yaml');
writeFileSync(
  config,
  JSON.stringify({
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { port: Number(port), host: '127.0.0.1' },
      database: { client: 'better-sqlite3', connection: ':memory:' },
      // The bench reads the catalog's REST API without tokens, as Ensemble's anonymous access allows.
      auth: { dangerouslyDisableDefaultAuthPolicy: true },
    },
    catalog: {
      rules: [{ allow: ['Component', 'System', 'API', 'Resource', 'Location', 'Domain', 'Group', 'User', 'Template'] }],
      locations: [{ type: 'file', target: path.resolve(root) }],
    },
  }),
);
process.argv.push('--config', config);

const { createBackend } = require('@backstage/backend-defaults');
const backend = createBackend();
backend.add(require('@backstage/plugin-catalog-backend'));
backend.start().catch((error) => {
  console.error(error);
  process.exit(1);
});
