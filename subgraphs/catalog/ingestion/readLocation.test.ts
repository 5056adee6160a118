import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSourceRoots } from '../../../kit';
import { readLocation } from './readLocation';
import { createSourceReader } from './sourceReader';
import { componentYaml } from './componentYaml';
import { serveFiles } from './serveFiles';

const EXAMPLES = path.resolve(__dirname, '../../../../shared/fixtures/backstage-examples');

function tempCatalog(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-read-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const component = (name: string, metadata?: string) => componentYaml(name, { metadata });

describe('readLocation', () => {
  const reader = createSourceReader({ roots: createSourceRoots([EXAMPLES, tmpdir()]) });

  it('resolves a local $text placeholder relative to the descriptor', async () => {
    const contents = await readLocation(path.join(EXAMPLES, 'apis/petstore-webhook-api.yaml'), { reader });
    const [file] = contents.files;
    expect(file.problems).toEqual([]);
    expect(String(file.entities[0].descriptor.spec?.definition)).toMatch(/^openapi:/m);
  });

  it("rejects an entity whose URL placeholder is not allowed, in Backstage's words", async () => {
    const contents = await readLocation(path.join(EXAMPLES, 'apis/spotify-api.yaml'), { reader });
    expect(contents.files[0].ok).toBe(false);
    expect(contents.files[0].entities).toEqual([]);
    expect(contents.files[0].problems[0]).toMatchObject({
      entityRef: 'api:default/spotify',
      message: expect.stringMatching(/^Placeholder \$text could not read location https:\/\/github\.com\/.+, NotAllowedError: Reading from '.+' is not allowed/),
    });
  });

  it('resolves $json and $yaml, and rejects a $yaml target holding two documents', async () => {
    const dir = tempCatalog({
      'data.json': '{"a": [1, 2]}',
      'one.yaml': 'b: true\n',
      'two.yaml': 'b: 1\n---\nb: 2\n',
      'good.yaml': component('good', '  annotations:\n    x/y: z\n').replace('spec:\n', 'spec:\n  extra:\n    json:\n      $json: ./data.json\n    yaml:\n      $yaml: ./one.yaml\n'),
      'bad.yaml': component('bad').replace('spec:\n', 'spec:\n  extra:\n    $yaml: ./two.yaml\n'),
    });
    const good = await readLocation(path.join(dir, 'good.yaml'), { reader });
    expect(good.files[0].entities[0].descriptor.spec?.extra).toEqual({ json: { a: [1, 2] }, yaml: { b: true } });
    const bad = await readLocation(path.join(dir, 'bad.yaml'), { reader });
    expect(bad.files[0].problems[0].message).toBe('Placeholder $yaml expected to find exactly one document of data at ./two.yaml, found 2');
  });

  it('resolves a placeholder whose key is written as a YAML escape, and leaves text without one as it is', async () => {
    // Files with no `$` and no `\` are not searched for placeholders: an escape must still be.
    const dir = tempCatalog({
      'data.txt': 'from the file',
      'escaped.yaml': component('escaped').replace('spec:\n', 'spec:\n  extra:\n    "\\x24text": ./data.txt\n'),
      'plain.yaml': component('plain').replace('spec:\n', 'spec:\n  extra:\n    text: ./data.txt\n'),
    });
    const escaped = await readLocation(path.join(dir, 'escaped.yaml'), { reader });
    expect(escaped.files[0].problems).toEqual([]);
    expect(escaped.files[0].entities[0].descriptor.spec?.extra).toBe('from the file');
    expect(escaped.files[0].selfContained).toBe(false);
    const plain = await readLocation(path.join(dir, 'plain.yaml'), { reader });
    expect(plain.files[0].entities[0].descriptor.spec?.extra).toEqual({ text: './data.txt' });
    expect(plain.files[0].selfContained).toBe(true);
  });

  it('follows Location entities and ends on a loop', async () => {
    const location = (name: string, target: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: ${name}\nspec:\n  targets: [${target}]\n`;
    const dir = tempCatalog({
      'a.yaml': `${location('a', './b.yaml')}---\n${component('from-a')}`,
      'b.yaml': `${location('b', './a.yaml')}---\n${component('from-b')}`,
    });
    const contents = await readLocation(path.join(dir, 'a.yaml'), { reader });
    expect(contents.files.map((file) => path.basename(file.file))).toEqual(['a.yaml', 'b.yaml']);
    expect(contents.files.flatMap((file) => file.entities.map((entity) => entity.ref)).sort()).toEqual([
      'component:default/from-a',
      'component:default/from-b',
      'location:default/a',
      'location:default/b',
    ]);
  });

  it('skips a missing target of a Location with presence: optional, and reports it when required', async () => {
    const location = (presence: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: l\nspec:\n  presence: ${presence}\n  targets: [./missing.yaml]\n`;
    const optional = tempCatalog({ 'a.yaml': location('optional') });
    const skipped = await readLocation(path.join(optional, 'a.yaml'), { reader });
    expect(skipped.files.flatMap((file) => file.problems)).toEqual([]);
    expect(skipped.files.every((file) => file.ok)).toBe(true);
    const required = tempCatalog({ 'a.yaml': location('required') });
    const reported = await readLocation(path.join(required, 'a.yaml'), { reader });
    expect(reported.files.flatMap((file) => file.problems.map((problem) => problem.message))).toEqual([
      `File not found: ${path.join(required, 'missing.yaml')}`,
    ]);
  });

  it.each([
    ['malformed YAML', 'kind: [unclosed\n', /^YAML error at file:.*, YAMLParseError: .* at line \d+, column \d+/],
    ['a billion-laughs document', billionLaughs(), /^YAML error at file:.*, ReferenceError: Excessive alias count/],
    ['a __proto__ key', component('proto', '  labels:\n    __proto__: polluted\n'), /__proto__/],
    ['a name over 63 characters', component('x'.repeat(64)), /"metadata\.name" is not valid/],
  ])('reports %s as a problem of its file, and applies nothing from it', async (_, text, message) => {
    const dir = tempCatalog({ 'bad.yaml': `${component('fine')}---\n${text}` });
    const contents = await readLocation(path.join(dir, 'bad.yaml'), { reader });
    expect(contents.files[0].ok).toBe(false);
    expect(contents.files[0].problems.map((problem) => problem.message).join('\n')).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 10 MB file without parsing it', async () => {
    const dir = tempCatalog({ 'huge.yaml': `${component('huge')}# ${'x'.repeat(10 * 1024 * 1024)}\n` });
    const contents = await readLocation(path.join(dir, 'huge.yaml'), { reader });
    expect(contents.files[0].problems[0].message).toMatch(/larger than the 5242880 allowed/);
  });

  describe('url locations', () => {
    let server: Awaited<ReturnType<typeof serveFiles>>;
    let base: string;
    beforeAll(async () => {
      server = await serveFiles({
        '/catalog.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: remote\nspec:\n  targets: [./svc.yaml]\n',
        '/svc.yaml': component('remote-svc'),
      });
      base = server.base;
    });
    afterAll(() => server.close());

    it('reads allowed hosts, following relative targets', async () => {
      const allowed = createSourceReader({ allowHosts: [new URL(base).host] });
      const contents = await readLocation(`${base}/catalog.yaml`, { reader: allowed });
      expect(contents.files.map((file) => file.file)).toEqual([`${base}/catalog.yaml`, `${base}/svc.yaml`]);
      expect(contents.files[1].entities[0].ref).toBe('component:default/remote-svc');
    });

    it('reports a missing URL and a host nobody allowed', async () => {
      const allowed = createSourceReader({ allowHosts: [new URL(base).host] });
      expect((await readLocation(`${base}/nope.yaml`, { reader: allowed })).files[0].problems[0].message).toMatch(/HTTP 404/);
      expect((await readLocation(`${base}/catalog.yaml`, { reader })).files[0].problems[0].message).toMatch(/is not allowed/);
    });
  });
});

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const previous = String.fromCharCode(96 + level);
    const current = String.fromCharCode(97 + level);
    lines.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}
