/**
 * Tests are TypeScript, transpiled by ts-jest to CommonJS without type-checking
 * (`npm run typecheck` checks everything once, before jest runs).
 */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.data/'],
  transform: {
    '@electric-sql/pglite/dist/.+\\.cjs$': '<rootDir>/test/requireDynamicImports.js',
    '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: { module: 'commonjs', moduleResolution: 'node10' } }],
    // The web UI's components, for tests that render them to HTML (clients/web/src/**/*.test.ts).
    '^.+\\.tsx$': '<rootDir>/clients/web/test/transformTsx.js',
  },
  // Prisma's generated client imports its siblings as `./x.js`; the sources are `./x.ts`.
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // One worker per core: jest's default leaves one core to itself (one worker on 2 cores),
  // but its parent only collects results, and test files are CPU-bound (PGlite, servers in process).
  maxWorkers: '100%',
  globalSetup: '<rootDir>/test/globalSetup.js',
  setupFiles: ['<rootDir>/test/setupEnv.js'],
  // A guard against hangs, not a speed target: platform tests start several databases on 2 cores.
  testTimeout: 180000,
};
