import { isSafeUrl } from './isSafeUrl';
import { renderMarkdown } from './renderMarkdown';

/** Things an attacker (or a careless author) puts in markdown, and what must not come out. */
describe('renderMarkdown with hostile markdown', () => {
  const html = (markdown: string) => renderMarkdown(markdown).html;

  it('escapes a raw <script> block and inline script', () => {
    const out = html('<script>alert(1)</script>\n\nText <script>alert(2)</script> here');
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('Text &lt;script&gt;alert(2)&lt;/script&gt; here');
  });

  it('escapes <img onerror> instead of rendering an element', () => {
    const out = html('<img src=x onerror="alert(1)">\n\nInline <img src=x onerror=alert(1)>');
    expect(out).not.toMatch(/<img/i);
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('refuses javascript: links, however they are spelled', () => {
    for (const markdown of [
      '[x](javascript:alert(1))',
      '[x](JavaScript:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](<java\tscript:alert(1)>)',
      '<javascript:alert(1)>',
      '[x][ref]\n\n[ref]: javascript:alert(1)',
      '![x](javascript:alert(1))',
    ]) {
      const out = html(markdown);
      expect(out).not.toMatch(/<a |<img /);
      expect(out.toLowerCase().replace(/\s/g, '')).not.toMatch(/href=|src=/);
    }
  });

  it('refuses data: URLs in links and images, and escapes a raw <a href="data:...">', () => {
    expect(html('[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)')).not.toContain('<a ');
    // markdown-it's default lets data:image/png through; this renderer refuses every data: URL.
    expect(html('![x](data:image/png;base64,iVBORw0KGgo=)')).not.toContain('<img');
    const raw = html('<a href="data:text/html,<script>alert(1)</script>">click</a>');
    expect(raw).not.toContain('<a ');
    expect(raw).toContain('&lt;a href=&quot;data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;click&lt;/a&gt;');
  });

  it('escapes attribute values: a link title or a code fence language cannot open a tag or an attribute', () => {
    const title = html('[x](https://example.com "a\\" onmouseover=\\"alert(1)")');
    expect(title).toContain('<a href="https://example.com" title="a&quot; onmouseover=&quot;alert(1)">x</a>');
    const fence = html('```"><script>alert(1)</script>\ncode\n```');
    expect(fence).not.toContain('<script');
    expect(fence).toContain('class="language-&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('cannot inject through a heading anchor', () => {
    const page = renderMarkdown('# "><img src=x onerror=alert(1)>');
    expect(page.toc[0].anchor).toBe('img-srcx-onerroralert1');
    expect(page.html).not.toMatch(/<img/);
  });

  it('isSafeUrl allows http, https, mailto and relative URLs only', () => {
    for (const url of ['https://a.example', 'http://a.example', 'mailto:x@a.example', 'page.md', '../x.md', '#top', '/abs', '//cdn.example/x']) {
      expect(isSafeUrl(url)).toBe(true);
    }
    for (const url of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', '\u0001javascript:x', 'java%09script:alert(1)', 'javascript%3Aalert(1)', 'vbscript:x', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'blob:https://a']) {
      expect(isSafeUrl(url)).toBe(false);
    }
  });
});
