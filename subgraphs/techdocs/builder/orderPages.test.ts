import { orderPages } from './orderPages';
import { readMkdocsNav } from './readMkdocsNav';

describe('orderPages', () => {
  const paths = ['testing.md', 'on-call.md', 'index.md', 'api/errors.md', 'a-first.md'];

  it('without a nav: index.md first, then alphabetical', () => {
    expect(orderPages(paths, null).map((page) => page.path)).toEqual(['index.md', 'a-first.md', 'api/errors.md', 'on-call.md', 'testing.md']);
    expect(orderPages(paths, null).every((page) => page.navTitle === null)).toBe(true);
  });

  it('with a nav: its order and titles, then pages it does not list, alphabetically; missing files dropped', () => {
    const nav = readMkdocsNav(
      [
        'site_name: Checkout',
        'nav:',
        '  - Overview: index.md',
        '  - Operations:',
        '      - On call: on-call.md',
        '      - ./testing.md',
        '  - Gone: deleted.md',
        '  - Status page: https://status.example.com',
        'markdown_extensions:',
        '  - pymdownx.superfences:',
        '      custom_fences:',
        '        - name: mermaid',
        '          format: !!python/name:pymdownx.superfences.fence_code_format',
      ].join('\n'),
    );
    expect(nav).toEqual([
      { path: 'index.md', title: 'Overview' },
      { path: 'on-call.md', title: 'On call' },
      { path: 'testing.md', title: null },
      { path: 'deleted.md', title: 'Gone' },
    ]);
    expect(orderPages(paths, nav)).toEqual([
      { path: 'index.md', navTitle: 'Overview' },
      { path: 'on-call.md', navTitle: 'On call' },
      { path: 'testing.md', navTitle: null },
      { path: 'a-first.md', navTitle: null },
      { path: 'api/errors.md', navTitle: null },
    ]);
  });

  it('with a nav that puts index.md last, keeps it last', () => {
    const nav = readMkdocsNav('nav:\n  - testing.md\n  - index.md\n');
    expect(orderPages(['index.md', 'testing.md', 'b.md'], nav).map((page) => page.path)).toEqual(['testing.md', 'index.md', 'b.md']);
  });

  it('reads no nav from an mkdocs.yml without one, and refuses invalid YAML or a nav that is not a list', () => {
    expect(readMkdocsNav('site_name: x\n')).toBeNull();
    expect(() => readMkdocsNav('nav: [unclosed\n')).toThrow(/not valid YAML/);
    expect(() => readMkdocsNav('nav: index.md\n')).toThrow(/must be a list/);
  });
});
