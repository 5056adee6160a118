import { renderMarkdown } from './renderMarkdown';

describe('renderMarkdown', () => {
  it('renders markdown and lists h1-h3 with the anchors their ids carry', () => {
    const page = renderMarkdown(
      ['# Checkout *service*', '', 'Turns a basket into an order.', '', '## Placing an order', '', '### With `curl`', '', '#### Too deep'].join('\n'),
    );
    expect(page.html).toContain('<h1 id="checkout-service">Checkout <em>service</em></h1>');
    expect(page.html).toContain('<p>Turns a basket into an order.</p>');
    expect(page.html).toContain('<h3 id="with-curl">With <code>curl</code></h3>');
    expect(page.html).toContain('<h4>Too deep</h4>');
    expect(page.toc).toEqual([
      { level: 1, title: 'Checkout service', anchor: 'checkout-service' },
      { level: 2, title: 'Placing an order', anchor: 'placing-an-order' },
      { level: 3, title: 'With curl', anchor: 'with-curl' },
    ]);
    expect(page.firstHeading).toBe('Checkout service');
  });

  it('gives repeated headings distinct anchors, in the TOC and in the HTML', () => {
    const page = renderMarkdown('## Setup\n\n## Setup\n\n## Setup-1\n\n## Setup\n');
    expect(page.toc.map((entry) => entry.anchor)).toEqual(['setup', 'setup-1', 'setup-1-1', 'setup-2']);
    for (const { anchor } of page.toc) expect(page.html).toContain(`<h2 id="${anchor}">`);
  });

  it('makes an anchor for a heading with no letters or digits', () => {
    expect(renderMarkdown('## ???\n\n## !!!').toc.map((entry) => entry.anchor)).toEqual(['section', 'section-1']);
  });

  it('has no first heading when the page has no h1', () => {
    expect(renderMarkdown('## Only a section\n').firstHeading).toBeNull();
  });

  it('extracts the words without markup, code included, for search', () => {
    const page = renderMarkdown('# Title\n\nSome **bold** [link](x.md) text.\n\n```bash\nkubectl get pods\n```\n');
    expect(page.plainText).toBe('Title\nSome bold link text.\nkubectl get pods');
  });

  it('keeps relative and http(s) links', () => {
    const { html } = renderMarkdown('[next](order-lifecycle.md) [top](#intro) [site](https://example.com/a?b=1&c=2) [mail](mailto:a@example.com)');
    expect(html).toContain('<a href="order-lifecycle.md">next</a>');
    expect(html).toContain('<a href="#intro">top</a>');
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=2">site</a>');
    expect(html).toContain('<a href="mailto:a@example.com">mail</a>');
  });
});
