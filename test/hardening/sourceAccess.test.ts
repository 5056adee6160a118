import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postGraphQL } from '../../kit/testing';
import { componentYaml } from '../../subgraphs/catalog/ingestion/componentYaml';
import { serveFiles } from '../../subgraphs/catalog/ingestion/serveFiles';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

const SECRET = 'server-only-secret-2718';
const REGISTER = 'mutation ($target: String!) { registerLocation(target: $target) { id target } }';

// Issue 15, section 1: what the server reads is decided by its configuration, never by a
// caller of the graph. Everything here goes through the gateway, as a client would.
describe('source access through the graph', () => {
  let top: string;
  let root: string;
  let outside: string;
  let platform: TestPlatform;
  let server: Awaited<ReturnType<typeof serveFiles>>;
  let base: string;
  const remote: Record<string, string> = {};
  const register = (target: string) => postGraphQL(platform.gatewayUrl, REGISTER, { target });
  const everything = async () =>
    JSON.stringify(await postGraphQL(platform.gatewayUrl, '{ locations { target errors { message } } entities(first: 100) { edges { node { ref description } } } }'));

  beforeAll(async () => {
    top = mkdtempSync(path.join(tmpdir(), 'ensemble-source-access-'));
    root = path.join(top, 'root');
    outside = path.join(top, 'outside');
    mkdirSync(root);
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.yaml'), componentYaml('secret', { metadata: `  description: ${SECRET}\n` }));
    writeFileSync(path.join(root, 'secret.txt'), SECRET);
    writeFileSync(path.join(root, 'fine.yaml'), componentYaml('fine'));
    symlinkSync(outside, path.join(root, 'link'));
    server = await serveFiles(remote);
    base = server.base;
    platform = await startPlatform({ only: ['catalog'], settings: { CATALOG_LOCAL_ROOTS: root, CATALOG_READ_ALLOW: new URL(base).host } });
  });
  afterAll(async () => {
    await platform?.stop();
    await server?.close();
    rmSync(top, { recursive: true, force: true });
  });

  it('registers a file under a configured root', async () => {
    const result = await register(path.join(root, 'fine.yaml'));
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerLocation.target).toBe(path.join(root, 'fine.yaml'));
  });

  it('refuses a server path outside the roots, and says the same for a path that exists and one that does not', async () => {
    const answers = [];
    for (const target of ['/etc/passwd', '/etc/no-such-file-here', path.join(outside, 'secret.yaml'), path.join(outside, 'absent.yaml'), path.join(root, 'link', 'secret.yaml'), path.join(root, 'link', 'absent.yaml'), `${root}/../outside/secret.yaml`]) {
      const result = await register(target);
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      // The catalog names a path as it resolved it (`a/../b` is `b`).
      answers.push({ code: result.errors![0].extensions?.code, message: result.errors![0].message.split(path.resolve(target)).join('<target>') });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/is not allowed/) });
    expect(await everything()).not.toContain(SECRET);
  });

  it('refuses a glob that reaches outside the roots', async () => {
    const result = await register(path.join(outside, '*.yaml'));
    expect(result.errors?.[0].message).toMatch(/is not allowed/);
  });

  it('refuses a URL on a host nobody allowed, without fetching it', async () => {
    const result = await register('http://169.254.169.254/latest/meta-data/catalog.yaml');
    expect(result.errors?.[0].message).toMatch(/is not allowed/);
  });

  it('keeps remote content remote: a local path in a fetched descriptor is an error on the location', async () => {
    remote['/catalog.yaml'] = [
      componentYaml('remote').replace('spec:\n', `spec:\n  extra:\n    $text: ${path.join(root, 'secret.txt')}\n`),
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: remote-location\nspec:\n  targets: [${path.join(root, 'fine.yaml')}, file://${path.join(root, 'secret.txt')}]\n`,
    ].join('---\n');
    const result = await register(`${base}/catalog.yaml`);
    expect(result.errors).toBeUndefined();
    const locations = await postGraphQL(platform.gatewayUrl, '{ locations { target errors { entityRef message } } }');
    const errors = locations.data!.locations.find((location: { target: string }) => location.target === `${base}/catalog.yaml`).errors;
    expect(errors).toEqual([
      { entityRef: 'component:default/remote', message: expect.stringMatching(/^Placeholder \$text could not read location .+ is not a URL/) },
      { entityRef: 'location:default/remote-location', message: expect.stringMatching(/is not a URL/) },
      { entityRef: 'location:default/remote-location', message: expect.stringMatching(/is not a URL/) },
    ]);
    expect(await everything()).not.toContain(SECRET);
  });
});
