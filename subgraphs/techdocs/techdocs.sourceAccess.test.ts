import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postGraphQL, startTestSubgraph, type RunningTestSubgraph } from '../../kit/testing';
import { createTechdocsSubgraph } from '.';
import type { TechdocsContext } from './context';

const SECRET = 'outside-the-root-1138';
const PUBLISH = `mutation ($sourceDir: String!) { publishDocs(entityRef: "component:default/a", sourceDir: $sourceDir) { pageCount pages { html } } }`;

// Docs are built only from folders the operator configured, and nothing is followed out of them.
describe('techdocs source access', () => {
  let top: string;
  let root: string;
  let outside: string;
  let subgraph: RunningTestSubgraph<TechdocsContext>;
  const publish = (sourceDir: string) => postGraphQL(subgraph.url, PUBLISH, { sourceDir });

  beforeAll(async () => {
    top = mkdtempSync(path.join(tmpdir(), 'ensemble-docs-access-'));
    root = path.join(top, 'root');
    outside = path.join(top, 'outside');
    mkdirSync(path.join(outside, 'docs'), { recursive: true });
    writeFileSync(path.join(outside, 'docs', 'index.md'), `# Secret\n\n${SECRET}\n`);
    writeFileSync(path.join(outside, 'mkdocs.yml'), `site_name: ${SECRET}\nnav:\n  - ${SECRET}: index.md\n`);
    // A source whose docs/ is a link out of the root, one whose mkdocs.yml is, and a link to a whole folder.
    mkdirSync(path.join(root, 'linked-docs'), { recursive: true });
    symlinkSync(path.join(outside, 'docs'), path.join(root, 'linked-docs', 'docs'));
    mkdirSync(path.join(root, 'linked-mkdocs', 'docs'), { recursive: true });
    writeFileSync(path.join(root, 'linked-mkdocs', 'docs', 'index.md'), '# Fine\n');
    symlinkSync(path.join(outside, 'mkdocs.yml'), path.join(root, 'linked-mkdocs', 'mkdocs.yml'));
    symlinkSync(outside, path.join(root, 'linked-folder'));
    mkdirSync(path.join(root, 'good', 'docs'), { recursive: true });
    writeFileSync(path.join(root, 'good', 'docs', 'index.md'), '# Good\n');
    subgraph = await startTestSubgraph(createTechdocsSubgraph({ sourceRoots: [root] }));
  });
  afterAll(async () => {
    await subgraph?.stop();
    rmSync(top, { recursive: true, force: true });
  });

  it('publishes from a folder under a root', async () => {
    const result = await publish(path.join(root, 'good'));
    expect(result.errors).toBeUndefined();
    expect(result.data!.publishDocs.pageCount).toBe(1);
  });

  it('refuses a folder outside the roots in the same words whether it exists or not', async () => {
    const existing = await publish(outside);
    const missing = await publish(path.join(top, 'absent'));
    for (const response of [existing, missing]) {
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(existing.errors![0].message.replace(outside, '<dir>')).toBe(missing.errors![0].message.replace(path.join(top, 'absent'), '<dir>'));
    expect(JSON.stringify(existing)).not.toContain(SECRET);
  });

  it.each([
    ['a source folder that is a link out of the root', () => path.join(root, 'linked-folder')],
    ['a docs/ folder that is a link out of the root', () => path.join(root, 'linked-docs')],
    ['an mkdocs.yml that is a link out of the root', () => path.join(root, 'linked-mkdocs')],
    ['a path that climbs out of the root', () => `${root}/../outside`],
  ])('refuses %s', async (_, sourceDir) => {
    const response = await publish(sourceDir());
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response)).not.toContain(SECRET);
  });

  it('does not build from an annotation naming a folder outside the roots', async () => {
    const docs = await postGraphQL(subgraph.url, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Entity { docs { pageCount } } } }', {
      r: [
        {
          __typename: 'Entity',
          ref: 'component:default/forged',
          annotations: [
            { key: 'backstage.io/techdocs-ref', value: 'dir:.' },
            { key: 'backstage.io/managed-by-location', value: `file:${path.join(outside, 'catalog-info.yaml')}` },
          ],
        },
      ],
    });
    expect(docs.errors).toBeUndefined();
    expect(docs.data!._entities).toEqual([{ docs: null }]);
  });
});
