import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { startPlatform, type TestPlatform } from '../../test/support/startPlatform';
import { EXIT } from './exitCodes';
import { runCli } from './testing/runCli';

function component(name: string, namespace = 'default'): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  type: service
  lifecycle: experimental
  owner: team-cli
`;
}

// The CLI's write commands and streamed listings, against a real catalog behind the real
// gateway, starting empty.
describe('the ensemble CLI writing to the catalog', () => {
  let platform: TestPlatform;
  let endpoint: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-cli-write-'));
  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog'], settings: { CATALOG_LOCAL_ROOTS: dir } });
    endpoint = platform.gatewayUrl;
  }, 240_000);
  afterAll(() => platform?.stop());

  const cli = (argv: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(argv, { endpoint, ...options });
  /** Whether the catalog has the entity, asked without the CLI's own commands. */
  const exists = async (ref: string) => {
    const { code, stdout } = await cli(['query', '-', '--var', `ref=${ref}`], { stdin: 'query($ref: ID!) { entity(ref: $ref) { ref } }' });
    expect(code).toBe(EXIT.OK);
    return JSON.parse(stdout).entity !== null;
  };

  describe('apply', () => {
    it('validates without storing on --dry-run', async () => {
      const file = path.join(dir, 'dry.yaml');
      writeFileSync(file, component('dry-run-only'));
      const { code, stdout } = await cli(['apply', '-f', file, '--dry-run']);
      expect(code).toBe(EXIT.OK);
      expect(stdout).toMatch(/^component:default\/dry-run-only +valid \(dry run\)$/m);
      expect(await exists('component:dry-run-only')).toBe(false);
    });

    it('stores descriptors read from stdin', async () => {
      const { code, stdout } = await cli(['apply', '-f', '-', '--json'], { stdin: `${component('from-stdin')}---\n${component('from-stdin-2')}` });
      expect(code).toBe(EXIT.OK);
      expect(JSON.parse(stdout)).toEqual({
        applied: true,
        dryRun: false,
        refs: ['component:default/from-stdin', 'component:default/from-stdin-2'],
        errors: [],
      });
      expect(await exists('component:from-stdin-2')).toBe(true);
    });

    it('prints every problem and exits with 5 when a descriptor is invalid, storing nothing', async () => {
      const { code, stderr } = await cli(['apply', '-f', '-'], { stdin: `${component('valid-but-not-alone')}---\nkind: Component\nmetadata:\n  name: no-api-version\n` });
      expect(code).toBe(EXIT.REFUSED);
      expect(stderr).toMatch(/apiVersion/);
      expect(stderr).toMatch(/nothing was stored/);
      expect(await exists('component:valid-but-not-alone')).toBe(false);
    });

    it('exits with 2 without -f, or for an empty input', async () => {
      expect((await cli(['apply'])).stderr).toMatch(/missing -f/);
      expect((await cli(['apply', '-f', '-'], { stdin: '  \n' })).code).toBe(EXIT.USAGE);
    });
  });

  // Plugin sections come from the gateway's GET /plugins: a gateway with no plugin composed
  // has none to show, so the catalog part is the whole answer (a plugin that is down is the
  // partial case: clients/cli/cli.test.ts).
  it('get shows the catalog part alone on a gateway without plugins', async () => {
    const { code, stdout, stderr } = await cli(['get', 'component:from-stdin', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(EXIT.OK);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ ref: 'component:default/from-stdin' });
    expect(Object.keys(answer)).not.toEqual(expect.arrayContaining(['latestRuns']));
    expect((await cli(['get', 'component:no-such-thing'])).code).toBe(EXIT.NOT_FOUND);
  });

  describe('list, streamed across pages', () => {
    const total = 300;
    beforeAll(async () => {
      const names = Array.from({ length: total }, (_, index) => `bulk-${String(index).padStart(4, '0')}`);
      const { code, stderr } = await cli(['apply', '-f', '-'], { stdin: names.map((name) => component(name, 'bulk')).join('---\n') });
      expect(stderr).toBe('');
      expect(code).toBe(EXIT.OK);
    });

    it('writes every entity once, in order, as each page arrives (JSON Lines)', async () => {
      const run = await cli(['list', '--namespace', 'bulk', '--page-size', '7', '--json']);
      expect(run.code).toBe(EXIT.OK);
      const refs = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).ref);
      expect(refs).toHaveLength(total);
      expect(new Set(refs).size).toBe(total);
      expect(refs[0]).toBe('component:bulk/bulk-0000');
      expect(refs[total - 1]).toBe(`component:bulk/bulk-${String(total - 1).padStart(4, '0')}`);
      expect([...refs].sort()).toEqual(refs);
      expect(run.requests).toBe(Math.ceil(total / 7));
      // Output began after the first page, not after the last: the list is streamed.
      expect(run.requestsAtFirstWrite).toBe(1);
      expect(run.chunks).toHaveLength(Math.ceil(total / 7));
    });

    it('prints one YAML sequence across pages, and a table whose header comes once', async () => {
      const yaml = await cli(['list', '--namespace', 'bulk', '--page-size', '9', '--yaml']);
      const items = YAML.parse(yaml.stdout);
      expect(items).toHaveLength(total);
      expect(items[9]).toMatchObject({ ref: 'component:bulk/bulk-0009', owner: 'group:bulk/team-cli', lifecycle: 'experimental' });
      const table = await cli(['list', '--namespace', 'bulk', '--page-size', '50']);
      const lines = table.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(total + 1);
      expect(lines.filter((line) => line.startsWith('REF '))).toHaveLength(1);
    });

    it('stops fetching at --limit', async () => {
      const run = await cli(['list', '--namespace', 'bulk', '--page-size', '7', '--limit', '10', '--json']);
      expect(run.stdout.trimEnd().split('\n')).toHaveLength(10);
      expect(run.requests).toBe(2);
    });
  });

  describe('locations', () => {
    it('adds, lists, refreshes and removes a location', async () => {
      const file = path.join(dir, 'catalog-info.yaml');
      writeFileSync(file, component('from-a-file'));
      const added = await cli(['locations', 'add', file, '--json']);
      expect(added.code).toBe(EXIT.OK);
      const [location] = JSON.parse(added.stdout);
      expect(location).toMatchObject({ type: 'file', target: file, entityCount: 1, errors: [] });
      expect(await exists('component:from-a-file')).toBe(true);

      const listed = await cli(['locations', 'list']);
      expect(listed.code).toBe(EXIT.OK);
      expect(listed.stdout).toMatch(/^ID +TYPE +ENTITIES +ERRORS +REFRESHED +TARGET$/m);
      expect(listed.stdout).toContain(location.id);

      writeFileSync(file, `${component('from-a-file')}---\n${component('second-from-a-file')}`);
      const refreshed = await cli(['locations', 'refresh', location.id, '--json']);
      expect(refreshed.code).toBe(EXIT.OK);
      expect(JSON.parse(refreshed.stdout)[0].entityCount).toBe(2);

      const removed = await cli(['locations', 'remove', location.id]);
      expect(removed.code).toBe(EXIT.OK);
      expect(await exists('component:second-from-a-file')).toBe(false);
      const again = await cli(['locations', 'remove', location.id]);
      expect(again.code).toBe(EXIT.NOT_FOUND);
      expect(again.stderr).toMatch(/No location with id/);
    });

    it('flags ingestion problems with exit code 3', async () => {
      const file = path.join(dir, 'broken.yaml');
      writeFileSync(file, `${component('fine-one')}---\nkind: Component\nmetadata:\n  name: broken-one\n`);
      const { code, stdout, stderr } = await cli(['locations', 'add', file]);
      expect(code).toBe(EXIT.PARTIAL);
      expect(stdout).toContain(file);
      expect(stderr).toMatch(/^warning: location .*broken\.yaml.*apiVersion/m);
    });

    it('exits with 5 for a target the server cannot read, 4 for an unknown id, 2 for an unknown action', async () => {
      expect((await cli(['locations', 'add', path.join(dir, 'missing.yaml')])).code).toBe(EXIT.REFUSED);
      expect((await cli(['locations', 'refresh', '00000000-0000-0000-0000-000000000000'])).code).toBe(EXIT.NOT_FOUND);
      expect((await cli(['locations', 'rename'])).code).toBe(EXIT.USAGE);
    });
  });
});
