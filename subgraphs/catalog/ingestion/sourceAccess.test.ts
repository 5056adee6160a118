import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSourceRoots } from '../../../kit';
import { componentYaml } from './componentYaml';
import { readLocation } from './readLocation';
import { serveFiles } from './serveFiles';
import { createSourceReader, resolveRelative } from './sourceReader';

const SECRET = 'the-server-secret-4711';
const location = (targets: string, type = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: remote\nspec:\n${type ? `  type: ${type}\n` : ''}  targets: [${targets}]\n`;
const withText = (name: string, target: string) => componentYaml(name).replace('spec:\n', `spec:\n  extra:\n    $text: ${JSON.stringify(target)}\n`);

// What the server reads is decided by its configuration: local files only under the roots,
// and remote content only names more remote content.
describe('source access', () => {
  let top: string;
  let root: string;
  let outside: string;
  let secretFile: string;
  beforeAll(() => {
    top = mkdtempSync(path.join(tmpdir(), 'ensemble-access-'));
    root = path.join(top, 'root');
    outside = path.join(top, 'outside');
    mkdirSync(root);
    mkdirSync(outside);
    secretFile = path.join(outside, 'secret.yaml');
    writeFileSync(secretFile, componentYaml('secret', { metadata: `  description: ${SECRET}\n` }));
    writeFileSync(path.join(root, 'fine.yaml'), componentYaml('fine'));
    symlinkSync(outside, path.join(root, 'link'));
    symlinkSync(root, path.join(top, 'via'));
  });
  afterAll(() => rmSync(top, { recursive: true, force: true }));

  describe('local files', () => {
    const reader = () => createSourceReader({ roots: createSourceRoots([root]) });

    it('reads a file under a root', async () => {
      expect(await reader().read(path.join(root, 'fine.yaml'))).toContain('name: fine');
    });

    it('refuses a file outside the roots in the same words whether it exists or not', async () => {
      const existing = await reader().read(secretFile).catch((error: Error) => error.message);
      const missing = await reader().read(path.join(outside, 'absent.yaml')).catch((error: Error) => error.message);
      expect(existing).not.toContain(SECRET);
      expect(existing.replace(secretFile, '<target>')).toBe(missing.replace(path.join(outside, 'absent.yaml'), '<target>'));
      expect(existing).toMatch(/is not allowed/);
    });

    it('does not follow a symbolic link out of a root, for files that exist or not', async () => {
      const through = await reader().read(path.join(root, 'link', 'secret.yaml')).catch((error: Error) => error.message);
      const missing = await reader().read(path.join(root, 'link', 'absent.yaml')).catch((error: Error) => error.message);
      expect(through).toMatch(/is not allowed/);
      expect(missing).toMatch(/is not allowed/);
      expect(await reader().read(`${root}/../outside/secret.yaml`).catch((error: Error) => error.message)).toMatch(/is not allowed/);
    });

    it('reads nothing at all without roots', async () => {
      const none = createSourceReader();
      await expect(none.read(path.join(root, 'fine.yaml'))).rejects.toThrow(/is not allowed/);
    });

    it('lists a glob only under a root, without following links out', async () => {
      expect(await reader().list(path.join(root, '**/*.yaml'))).toEqual([path.join(root, 'fine.yaml')]);
      await expect(reader().list(path.join(outside, '*.yaml'))).rejects.toThrow(/is not allowed/);
      await expect(reader().list(`${root}/../outside/*.yaml`)).rejects.toThrow(/is not allowed/);
    });

    it('lists a glob under a root reached through a link, naming files as the pattern does', async () => {
      const via = createSourceReader({ roots: createSourceRoots([path.join(top, 'via')]) });
      expect(await via.list(path.join(top, 'via', '*.yaml'))).toEqual([path.join(top, 'via', 'fine.yaml')]);
    });

    it('refuses placeholders and Location targets of a local file that leave the roots', async () => {
      writeFileSync(path.join(root, 'reach.yaml'), `${withText('reach', secretFile)}---\n${location(JSON.stringify(secretFile))}`);
      const contents = await readLocation(path.join(root, 'reach.yaml'), { reader: reader() });
      expect(JSON.stringify(contents)).not.toContain(SECRET);
      const messages = contents.files.flatMap((file) => file.problems.map((problem) => problem.message));
      expect(messages).toEqual([
        expect.stringMatching(/^Placeholder \$text could not read location .+is not allowed/),
        expect.stringMatching(/is not allowed/),
      ]);
    });
  });

  describe('remote content', () => {
    let server: Awaited<ReturnType<typeof serveFiles>>;
    let base: string;
    const files: Record<string, string> = {};
    beforeAll(async () => {
      server = await serveFiles(files);
      base = server.base;
    });
    afterAll(() => server.close());
    // Even with the secret's folder as a root: remote content never names a local file.
    const reader = () => createSourceReader({ allowHosts: [new URL(base).host], roots: createSourceRoots([root, outside]) });

    it.each([
      ['an absolute path', () => secretFile],
      ['a file: URL', () => `file://${secretFile}`],
    ])('makes a placeholder naming %s an error on the location, and reads nothing', async (_, target) => {
      files['/placeholder.yaml'] = withText('remote', target());
      const contents = await readLocation(`${base}/placeholder.yaml`, { reader: reader() });
      expect(JSON.stringify(contents)).not.toContain(SECRET);
      expect(contents.files[0].ok).toBe(false);
      expect(contents.files[0].problems[0].message).toMatch(/^Placeholder \$text could not read location .+ is not a URL; remote content may only name URLs/);
    });

    it('resolves a relative placeholder against the URL, not the server folder', async () => {
      files['/relative.yaml'] = withText('relative', './data.txt');
      files['/data.txt'] = 'remote text';
      const contents = await readLocation(`${base}/relative.yaml`, { reader: reader() });
      expect(contents.files[0].entities[0].descriptor.spec?.extra).toBe('remote text');
    });

    it.each([
      ['an absolute path', () => location(JSON.stringify(secretFile))],
      ['a file: URL', () => location(JSON.stringify(`file://${secretFile}`))],
      ['a glob of local files', () => location(JSON.stringify(path.join(outside, '*.yaml')))],
      ['a Location of type file', () => location('./svc.yaml', 'file')],
    ])('makes a Location target naming %s an error on the location, and reads nothing', async (_, text) => {
      files['/location.yaml'] = text();
      const contents = await readLocation(`${base}/location.yaml`, { reader: reader() });
      expect(JSON.stringify(contents)).not.toContain(SECRET);
      expect(contents.files).toHaveLength(1);
      expect(contents.files[0].ok).toBe(false);
      expect(contents.files[0].problems[0].entityRef).toBe('location:default/remote');
    });
  });

  it('resolves targets as Backstage does: relative to the file or URL they are written in', () => {
    expect(resolveRelative('/srv/catalog/all.yaml', './a/b.yaml')).toBe('/srv/catalog/a/b.yaml');
    expect(resolveRelative('https://example.com/org/repo/blob/main/all.yaml', '../x.yaml')).toBe('https://example.com/org/repo/blob/x.yaml');
    expect(resolveRelative('https://example.com/all.yaml', 'https://other.example.com/y.yaml')).toBe('https://other.example.com/y.yaml');
    expect(() => resolveRelative('https://example.com/all.yaml', 'C:\\secret.yaml')).toThrow(/is not a URL/);
  });
});
