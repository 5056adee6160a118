import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { startPlatform, type TestPlatform } from '../../test/support/startPlatform';
import { EXIT } from './exitCodes';
import { runCli } from './testing/runCli';
import { runEnsembleBin } from './testing/runEnsembleBin';
import { userIdentity } from '../../kit';

const TOKEN_FROM_ENV = 'token-from-the-environment';
const TOKEN_FROM_FLAG = 'token-from-the-command-line';

// The CLI's read commands, in-process, against the real gateway and every plugin it reads
// (demo data). The last block stops plugins, so it runs last.
describe('the ensemble CLI', () => {
  let platform: TestPlatform;
  let endpoint: string;
  beforeAll(async () => {
    platform = await startPlatform({
      only: ['catalog', 'cicd', 'techdocs', 'security'],
      subgraph: () => ({ demo: true }),
      // Anonymous callers are let in; the two tokens the token test sends must be known ones.
      gateway: {
        auth: {
          anonymous: true,
          apiTokens: [TOKEN_FROM_ENV, TOKEN_FROM_FLAG].map((token) => ({ token, identity: userIdentity('user:default/ada.okafor') })),
        },
      },
    });
    endpoint = platform.gatewayUrl;
  }, 240_000);
  afterAll(() => platform?.stop());

  const cli = (argv: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(argv, { endpoint, ...options });

  describe('help', () => {
    it('lists every command and the exit codes', async () => {
      const { code, stdout } = await cli(['help']);
      expect(code).toBe(EXIT.OK);
      for (const command of ['get', 'list', 'search', 'relations', 'apply', 'locations', 'query', 'help']) expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
      expect(stdout).toMatch(/3 {2}partial/);
      expect(stdout).toMatch(/ENSEMBLE_ENDPOINT/);
    });

    it('documents each command and its flags with --help', async () => {
      const { code, stdout } = await cli(['list', '--help']);
      expect(code).toBe(EXIT.OK);
      for (const flag of ['--kind', '--owner', '--filter', '--limit', '--page-size', '--json', '--endpoint', '--token']) expect(stdout).toContain(flag);
      expect(stdout).toMatch(/JSON Lines/);
    });

    it('fails with usage help and exit code 2 without a command, or with an unknown one', async () => {
      const none = await cli([]);
      expect(none.code).toBe(EXIT.USAGE);
      expect(none.stderr).toMatch(/Commands:/);
      const unknown = await cli(['frobnicate']);
      expect(unknown.code).toBe(EXIT.USAGE);
      expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    });
  });

  describe('get', () => {
    it('shows an entity with its relations and every plugin part', async () => {
      const { code, stdout, stderr } = await cli(['get', 'component:checkout-service']);
      expect(stderr).toBe('');
      expect(code).toBe(EXIT.OK);
      expect(stdout).toMatch(/^Ref: +component:default\/checkout-service$/m);
      expect(stdout).toMatch(/^Owner: +group:default\/team-payments$/m);
      expect(stdout).toMatch(/^ownedBy +group:default\/team-payments$/m);
      // A section per plugin, built from GET /plugins: labels are the fields' descriptions.
      for (const plugin of ['cicd', 'security', 'techdocs']) expect(stdout).toMatch(new RegExp(`^${plugin}$`, 'm'));
      expect(stdout).toMatch(/^The newest run of each of the entity's pipelines, by pipeline name:\nID +PIPELINE +STATUS +COMMITSHA +BRANCH +URL\n/m);
      expect(stdout).toMatch(/^\S+ +build +[A-Z]+ +\S+ +main\b/m);
      expect(stdout).toMatch(/^Counts of the entity's open findings by severity:\n {2}critical: +[1-9]\d*$/m);
      expect(stdout).toMatch(/^ {2}pageCount: +[1-9]\d*$/m);
      expect(stdout).not.toContain('\u001b[');
    });

    it('prints the catalog part, warns and exits with 3 behind a gateway without GET /plugins', async () => {
      // An older gateway: /graphql answers, /plugins is 404.
      const gateway = new URL(endpoint);
      const older = createServer((incoming, outgoing) => {
        if (incoming.url !== gateway.pathname) return void outgoing.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"No route"}]}');
        const upstream = forward({ host: gateway.hostname, port: gateway.port, path: gateway.pathname, method: incoming.method, headers: incoming.headers }, (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        });
        incoming.pipe(upstream);
      });
      await new Promise<void>((resolve) => older.listen(0, '127.0.0.1', resolve));
      try {
        const olderEndpoint = `http://127.0.0.1:${(older.address() as AddressInfo).port}${gateway.pathname}`;
        const { code, stdout, stderr } = await runCli(['get', 'component:checkout-service'], { endpoint: olderEndpoint });
        expect(code).toBe(EXIT.PARTIAL);
        expect(stdout).toMatch(/^Ref: +component:default\/checkout-service$/m);
        expect(stdout).not.toMatch(/^cicd$/m);
        expect(stderr).toMatch(/^warning: some fields are missing: HTTP 404: http:\/\/127\.0\.0\.1:\d+\/plugins: No route/m);
      } finally {
        await new Promise((resolve) => older.close(resolve));
      }
    });

    it('prints JSON and YAML with a fixed field order', async () => {
      const json = await cli(['get', 'component:checkout-service', '--json']);
      expect(json.code).toBe(EXIT.OK);
      const entity = JSON.parse(json.stdout);
      expect(Object.keys(entity)).toEqual([
        'ref', 'kind', 'namespace', 'name', 'apiVersion', 'title', 'description', 'tags', 'labels',
        'annotations', 'links', 'spec', 'relations',
        // Every plugin field, by name, in the order GET /plugins lists them.
        'latestRuns', 'latestRun', 'buildStats', 'vulnerabilities', 'vulnerabilitySummary', 'docs',
      ]);
      expect(entity.annotations['github.com/project-slug']).toBe('harbor-and-finch/checkout-service');
      expect(entity.vulnerabilitySummary.critical).toBeGreaterThan(0);
      const yaml = await cli(['get', 'component:checkout-service', '--yaml']);
      expect(YAML.parse(yaml.stdout)).toEqual(entity);
    });

    // The command as a user runs it: the `ensemble` bin, a process of its own, on the compiled CLI.
    it('answers the same from the `ensemble` bin, and exits with its codes', async () => {
      const inProcess = await cli(['get', 'component:checkout-service', '--json']);
      const spawned = await runEnsembleBin(['get', 'component:checkout-service', '--json'], endpoint);
      expect(spawned).toEqual({ code: EXIT.OK, stdout: inProcess.stdout, stderr: '' });
      const unknown = await runEnsembleBin(['get', 'component:default/no-such-service'], endpoint);
      expect(unknown.code).toBe(EXIT.NOT_FOUND);
      expect(unknown.stderr).toMatch(/No entity "component:default\/no-such-service"/);
    });

    it('exits with 4 and a message for an unknown entity', async () => {
      const { code, stdout, stderr } = await cli(['get', 'component:default/no-such-service']);
      expect(code).toBe(EXIT.NOT_FOUND);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/No entity "component:default\/no-such-service"/);
    });

    it('exits with 5 when the API refuses the ref', async () => {
      const { code, stderr } = await cli(['get', 'no-kind-here']);
      expect(code).toBe(EXIT.REFUSED);
      expect(stderr).toMatch(/BAD_USER_INPUT/);
    });

    it('exits with 2 for a bad flag, a missing argument, or --json with --yaml', async () => {
      const flag = await cli(['get', 'component:web-shop', '--colour']);
      expect(flag.code).toBe(EXIT.USAGE);
      expect(flag.stderr).toMatch(/Unknown option '--colour'/);
      expect(flag.stderr).toMatch(/ensemble help get/);
      expect((await cli(['get'])).stderr).toMatch(/missing <ref>/);
      expect((await cli(['get', 'component:web-shop', '--json', '--yaml'])).code).toBe(EXIT.USAGE);
      expect((await cli(['get', 'component:web-shop', '--endpoint', 'ftp://x'])).code).toBe(EXIT.USAGE);
    });

    it('exits with 6 and a network message when the gateway cannot be reached', async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      await new Promise((resolve) => server.close(resolve));
      const { code, stderr } = await runCli(['get', 'component:web-shop', '--endpoint', `http://127.0.0.1:${port}/graphql`]);
      expect(code).toBe(EXIT.NETWORK);
      expect(stderr).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:\d+\/graphql: connect ECONNREFUSED/);
    });

    it('exits with 6 when the gateway does not answer within --timeout', async () => {
      const hung = createServer(() => undefined);
      await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/graphql`;
        const { code, stderr } = await runCli(['get', 'component:web-shop', '--endpoint', url, '--timeout', '0.3']);
        expect(code).toBe(EXIT.NETWORK);
        expect(stderr).toMatch(/No answer from .* within 300 ms/);
      } finally {
        hung.closeAllConnections();
        await new Promise((resolve) => hung.close(resolve));
      }
    });

    it('takes the endpoint and token from the environment, flags first', async () => {
      const seen: (string | null)[] = [];
      const fromEnv = await runCli(['get', 'component:web-shop', '--json'], {
        env: { ENSEMBLE_ENDPOINT: endpoint, ENSEMBLE_TOKEN: TOKEN_FROM_ENV },
        headers: (headers) => seen.push(headers.get('authorization')),
      });
      expect(fromEnv.code).toBe(EXIT.OK);
      const fromFlag = await runCli(['get', 'component:web-shop', '--json', '--endpoint', endpoint, '--token', TOKEN_FROM_FLAG], {
        env: { ENSEMBLE_ENDPOINT: 'http://127.0.0.1:9/graphql', ENSEMBLE_TOKEN: TOKEN_FROM_ENV },
        headers: (headers) => seen.push(headers.get('authorization')),
      });
      expect(fromFlag.code).toBe(EXIT.OK);
      // `get` sends three requests (the catalog's fields, GET /plugins, the plugins' fields), each with the token.
      expect(seen).toEqual([...Array(3).fill(`Bearer ${TOKEN_FROM_ENV}`), ...Array(3).fill(`Bearer ${TOKEN_FROM_FLAG}`)]);
    });

    it('exits with 7, not a network error, when the gateway refuses the token', async () => {
      const { code, stdout, stderr } = await cli(['get', 'component:web-shop', '--token', 'a-token-the-gateway-never-issued']);
      expect(code).toBe(EXIT.NOT_AUTHENTICATED);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: not authenticated: HTTP 401: Authentication required: .*\(send a token with --token or ENSEMBLE_TOKEN\)/);
    });

    it('colours output for a terminal only, and never with NO_COLOR or --no-color', async () => {
      expect((await cli(['get', 'component:web-shop'], { stdoutIsTTY: true })).stdout).toContain('\u001b[1m');
      expect((await cli(['get', 'component:web-shop'], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
      expect((await cli(['get', 'component:web-shop', '--no-color'], { stdoutIsTTY: true })).stdout).not.toContain('\u001b[');
      expect((await cli(['get', 'component:web-shop', '--color'])).stdout).toContain('\u001b[1m');
    });
  });

  describe('list', () => {
    it('lists by kind and owner as an aligned table', async () => {
      const { code, stdout } = await cli(['list', '--kind', 'component', '--owner', 'team-payments']);
      expect(code).toBe(EXIT.OK);
      const [header, ...rows] = stdout.trimEnd().split('\n');
      expect(header).toMatch(/^REF +TYPE +LIFECYCLE +OWNER +TITLE$/);
      expect(rows.map((row) => row.split(/ +/)[0])).toEqual(
        expect.arrayContaining(['component:default/checkout-service', 'component:default/payment-gateway', 'component:default/legacy-checkout']),
      );
      const ownerColumn = header.indexOf('OWNER');
      for (const row of rows) expect(row.slice(ownerColumn).startsWith('group:default/team-payments')).toBe(true);
    });

    it('prints JSON Lines, one entity per line, with --filter conditions', async () => {
      const { code, stdout } = await cli(['list', '--kind', 'component', '--filter', 'spec.lifecycle=deprecated', '--json']);
      expect(code).toBe(EXIT.OK);
      const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(lines.map((entity) => entity.ref)).toEqual(['component:default/legacy-checkout']);
      expect(Object.keys(lines[0])).toEqual(['ref', 'kind', 'namespace', 'name', 'title', 'type', 'lifecycle', 'owner', 'tags', 'description']);
    });

    it('rejects a malformed --filter or --page-size with exit code 2', async () => {
      expect((await cli(['list', '--filter', 'lifecycle'])).stderr).toMatch(/--filter wants key=value/);
      expect((await cli(['list', '--page-size', '0'])).code).toBe(EXIT.USAGE);
      expect((await cli(['list', 'component'])).stderr).toMatch(/did you mean --kind component/);
    });

    it('exits with 5 when the API refuses the filter', async () => {
      const { code, stderr } = await cli(['list', '--filter', 'nonsense.path=1']);
      expect(code).toBe(EXIT.REFUSED);
      expect(stderr).toMatch(/BAD_USER_INPUT/);
    });
  });

  describe('search', () => {
    it('finds entities in the catalog and pages in the docs', async () => {
      const { code, stdout } = await cli(['search', 'checkout', '--json']);
      expect(code).toBe(EXIT.OK);
      const result = JSON.parse(stdout);
      expect(result.entities.map((entity: { ref: string }) => entity.ref)).toContain('component:default/checkout-service');
      expect(result.docs.length).toBeGreaterThan(0);
      expect(result.docs.map((hit: { entityRef: string }) => hit.entityRef)).toContain('component:default/checkout-service');
      expect(result.docs[0].snippet).not.toMatch(/<mark>/);
    });

    it('searches one source with --in, and prints tables for people', async () => {
      const docsOnly = await cli(['search', 'checkout', '--in', 'docs', '--json']);
      expect(Object.keys(JSON.parse(docsOnly.stdout))).toEqual(['docs']);
      const table = await cli(['search', 'checkout', '--in', 'catalog']);
      expect(table.code).toBe(EXIT.OK);
      expect(table.stdout).toMatch(/^Catalog\nREF +TITLE +DESCRIPTION\n/);
      expect((await cli(['search', 'x', '--in', 'everywhere'])).code).toBe(EXIT.USAGE);
    });
  });

  describe('relations', () => {
    it("lists an entity's relations", async () => {
      const { code, stdout } = await cli(['relations', 'component:checkout-service', '--json']);
      expect(code).toBe(EXIT.OK);
      const steps = JSON.parse(stdout);
      expect(steps).toContainEqual({
        depth: 1,
        sourceRef: 'component:default/checkout-service',
        type: 'ownedBy',
        targetRef: 'group:default/team-payments',
        targetKind: 'Group',
        targetTitle: expect.any(String),
      });
      expect(steps.every((step: { depth: number }) => step.depth === 1)).toBe(true);
    });

    it('follows relations of the given types to --depth, one request per level', async () => {
      const { code, stdout, requests } = await cli(['relations', 'component:checkout-service', '--depth', '3', '--type', 'partOf', '--json']);
      expect(code).toBe(EXIT.OK);
      const steps = JSON.parse(stdout);
      expect(steps.slice(0, 2)).toEqual([
        expect.objectContaining({ depth: 1, sourceRef: 'component:default/checkout-service', type: 'partOf', targetRef: 'system:default/checkout' }),
        expect.objectContaining({ depth: 2, sourceRef: 'system:default/checkout', type: 'partOf', targetRef: 'domain:default/shopping' }),
      ]);
      // The start entity, then each level's targets in one batched request.
      expect(requests).toBe(1 + new Set(steps.map((step: { depth: number }) => step.depth)).size);
    });

    it('exits with 4 for an unknown entity', async () => {
      const { code, stderr } = await cli(['relations', 'system:no-such-system']);
      expect(code).toBe(EXIT.NOT_FOUND);
      expect(stderr).toMatch(/No entity "system:no-such-system"/);
    });
  });

  describe('query', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-cli-'));
    const file = path.join(dir, 'owner.graphql');
    writeFileSync(file, 'query Owner($ref: ID!, $first: Int) { entity(ref: $ref) { ref ... on Component { owner { ref } } } entities(first: $first) { edges { node { ref } } } }');

    it('runs a file with --var values (JSON when they parse)', async () => {
      const { code, stdout } = await cli(['query', file, '--var', 'ref=component:checkout-service', '--var', 'first=2']);
      expect(code).toBe(EXIT.OK);
      const data = JSON.parse(stdout);
      expect(data.entity).toEqual({ ref: 'component:default/checkout-service', owner: { ref: 'group:default/team-payments' } });
      expect(data.entities.edges).toHaveLength(2);
    });

    it('reads the operation from stdin and prints YAML', async () => {
      const { code, stdout } = await cli(['query', '-', '--yaml'], { stdin: '{ entity(ref: "group:team-payments") { ref } }' });
      expect(code).toBe(EXIT.OK);
      expect(YAML.parse(stdout)).toEqual({ entity: { ref: 'group:default/team-payments' } });
    });

    it('exits with 5 for an invalid operation and 2 for a missing file', async () => {
      const invalid = await cli(['query', '-'], { stdin: '{ entity(ref: "x:y") { noSuchField } }' });
      expect(invalid.code).toBe(EXIT.REFUSED);
      expect(invalid.stderr).toMatch(/noSuchField/);
      expect((await cli(['query', path.join(dir, 'missing.graphql')])).stderr).toMatch(/cannot read .*ENOENT/);
    });
  });

  describe('with plugins down', () => {
    beforeAll(async () => {
      await platform.subgraphs.security.stop();
      await platform.subgraphs.techdocs.stop();
    });

    it('get prints what it has, warns, and exits with 3', async () => {
      const { code, stdout, stderr } = await cli(['get', 'component:checkout-service', '--json']);
      expect(code).toBe(EXIT.PARTIAL);
      const entity = JSON.parse(stdout);
      expect(entity.ref).toBe('component:default/checkout-service');
      expect(entity.vulnerabilitySummary).toBeNull();
      expect(entity.latestRuns.length).toBeGreaterThan(0);
      expect(stderr).toMatch(/^warning: some fields are missing: .*security/m);
      // In text, each plugin that is down says so in its own section; the others still show.
      const text = await cli(['get', 'component:checkout-service']);
      expect(text.code).toBe(EXIT.PARTIAL);
      expect(text.stdout).toMatch(/^security\nunavailable: .*security/m);
      expect(text.stdout).toMatch(/^techdocs\nunavailable: /m);
      expect(text.stdout).toMatch(/^\S+ +build +[A-Z]+ +\S+ +main\b/m);
    });

    it('search prints the catalog results, marks docs unavailable, and exits with 3', async () => {
      const { code, stdout, stderr } = await cli(['search', 'checkout']);
      expect(code).toBe(EXIT.PARTIAL);
      expect(stdout).toContain('component:default/checkout-service');
      expect(stdout).toMatch(/Docs\nunavailable/);
      expect(stderr).toMatch(/techdocs/);
    });

    it('query prints partial data and flags it', async () => {
      const { code, stdout, stderr } = await cli(['query', '-'], { stdin: '{ entity(ref: "component:web-shop") { ref docs { pageCount } } }' });
      expect(code).toBe(EXIT.PARTIAL);
      expect(JSON.parse(stdout)).toEqual({ entity: { ref: 'component:default/web-shop', docs: null } });
      expect(stderr).toMatch(/techdocs/);
    });
  });
});
