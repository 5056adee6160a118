// Runs in each test file's module registry before its tests.
// Apollo's libraries report usage to Apollo unless told not to; tests run offline.
process.env.APOLLO_TELEMETRY_DISABLED = '1';

// Fresh in-memory PGlite databases load the cluster test/globalSetup.js initdb'd once,
// instead of running initdb each (kit/testing/usePgliteTemplate.ts). The module is the real
// one, patched when something first imports it: files that never use PGlite never load it.
const template = process.env.ENSEMBLE_TEST_PGLITE_TEMPLATE;
if (template) {
  jest.mock('@electric-sql/pglite', () => {
    const pglite = jest.requireActual('@electric-sql/pglite');
    jest.requireActual('../kit/testing/usePgliteTemplate').usePgliteTemplate(pglite.PGlite, template);
    return pglite;
  });
}
