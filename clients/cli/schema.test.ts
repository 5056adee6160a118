import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './testing/runCli';

/** The command line of `ensemble schema`; its calls to a registry are tested in test/registry. */
describe('ensemble schema, before any request', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-schema-cli-'));
  const schema = path.join(dir, 'schema.graphql');
  writeFileSync(schema, 'type Query { a: Int }');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Nothing listens there: a command line that got as far as a request would exit 6, not 2.
  const endpoint = 'http://127.0.0.1:1/graphql';

  it.each([
    [['schema'], /missing action/],
    [['schema', 'deploy'], /unknown schema action "deploy"/],
    [['schema', 'check', 'cicd'], /--schema is required/],
    [['schema', 'publish', 'cicd', '--schema', schema], /--url is required/],
    [['schema', 'publish', 'cicd', '--schema', schema, '--url', 'http://x/graphql', '--force'], /--force needs --reason/],
    [['schema', 'rollback', 'latest'], /<version> must be a supergraph version number/],
    [['schema', 'history', '--limit', '0'], /--limit must be a whole number from 1 to 500/],
    [['schema', 'check', 'cicd', '--schema', path.join(dir, 'missing.graphql')], /cannot read/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const run = await runCli(args, { endpoint });
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(run.requests).toBe(0);
  });

  it('exits 6 when the registry cannot be reached', async () => {
    const run = await runCli(['schema', 'check', 'cicd', '--schema', schema], { endpoint });
    expect(run.stderr).toMatch(/cannot reach the registry at http:\/\/127\.0\.0\.1:1/);
    expect(run.code).toBe(6);
  });
});
