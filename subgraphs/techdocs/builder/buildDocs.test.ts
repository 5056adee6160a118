import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { docsSources } from '../testing/docsSources';
import { buildDocs, pageTitle } from './buildDocs';
import { MAX_PAGE_BYTES, MAX_PAGES } from './readDocsFolder';

const sources = docsSources();
afterEach(() => sources.cleanup());

describe('buildDocs (the local builder)', () => {
  it('builds the demo checkout-service docs in its mkdocs nav order, with nav titles', async () => {
    const pages = await buildDocs(path.resolve(__dirname, '../../../demo/catalog/components/checkout-service'));
    expect(pages.map((page) => [page.position, page.path, page.title])).toEqual([
      [0, 'index.md', 'Overview'],
      [1, 'order-lifecycle.md', 'Order lifecycle'],
      [2, 'testing.md', 'Testing payments'],
      [3, 'on-call.md', 'On call'],
    ]);
    expect(pages[0].toc[0]).toEqual({ level: 1, title: 'Checkout service', anchor: 'checkout-service' });
    expect(pages[0].html).toContain('<h2 id="placing-an-order">Placing an order</h2>');
  });

  it('without mkdocs.yml: index first, then alphabetical, nested folders included; titles from h1 or file name', async () => {
    const dir = sources.write({
      'docs/zebra.md': '# Zebra crossing\n',
      'docs/index.md': 'No heading here.\n',
      'docs/guides/set-up_locally.md': 'Steps.\n',
      'docs/alpha.md': '## Not an h1\n',
      'docs/picture.png': 'not markdown',
      'docs/.hidden.md': '# skipped\n',
    });
    const pages = await buildDocs(dir);
    expect(pages.map((page) => [page.path, page.title])).toEqual([
      ['index.md', 'Home'],
      ['alpha.md', 'Alpha'],
      ['guides/set-up_locally.md', 'Set up locally'],
      ['zebra.md', 'Zebra crossing'],
    ]);
  });

  it('does not follow symbolic links out of the docs folder', async () => {
    const outside = sources.write({ 'secret.md': '# Secret', 'more/also-secret.md': '# Also secret' });
    const dir = sources.write({ 'docs/index.md': '# Docs' });
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'docs', 'leak.md'));
    symlinkSync(path.join(outside, 'more'), path.join(dir, 'docs', 'more'));
    expect((await buildDocs(dir)).map((page) => page.path)).toEqual(['index.md']);
  });

  it('names a nested index page after its folder', () => {
    expect(pageTitle('guides/index.md', null, null)).toBe('Guides');
    expect(pageTitle('index.md', '  ', 'First h1')).toBe('First h1');
  });

  it.each([
    ['a folder that does not exist', () => path.join(sources.write({}), 'missing'), /does not exist/],
    ['a file, not a folder', () => path.join(sources.write({ 'docs/index.md': '# x' }), 'docs', 'index.md'), /is not a directory/],
    ['a folder without docs/', () => sources.write({ 'README.md': '# x' }), /docs.* does not exist/],
    ['docs/ without markdown', () => sources.write({ 'docs/logo.png': 'x' }), /no markdown/],
    ['an invalid mkdocs.yml', () => sources.write({ 'docs/index.md': '# x', 'mkdocs.yml': 'nav: [oops\n' }), /mkdocs.yml is not valid YAML/],
    ['a page over 1 MB', () => sources.write({ 'docs/index.md': '# x', 'docs/big.md': Buffer.alloc(MAX_PAGE_BYTES + 1, 'a') }), /docs\/big.md is 1048577 bytes/],
    [
      `more than ${MAX_PAGES} pages`,
      () => sources.write(Object.fromEntries(Array.from({ length: MAX_PAGES + 1 }, (_, index) => [`docs/page-${index}.md`, `# Page ${index}`]))),
      /more than 500 pages/,
    ],
  ])('refuses %s with an InputError', async (_, makeSource, message) => {
    await expect(buildDocs(makeSource())).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(message) });
  });

  it('accepts exactly the page limit', async () => {
    const dir = sources.write(Object.fromEntries(Array.from({ length: MAX_PAGES }, (_, index) => [`docs/p${index}.md`, 'x'])));
    expect(await buildDocs(dir)).toHaveLength(MAX_PAGES);
  });
});
