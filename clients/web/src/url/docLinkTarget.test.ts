import { docLinkTarget } from './docLinkTarget';

const ref = 'component:default/checkout-service';
const base = '/docs/component/default/checkout-service';

describe('links inside a docs page', () => {
  it('points relative links to pages at the docs reader, resolved against the current page', () => {
    expect(docLinkTarget(ref, 'index.md', 'order-lifecycle.md')).toBe(`${base}/order-lifecycle.md`);
    expect(docLinkTarget(ref, 'guides/setup.md', 'run.md#local')).toBe(`${base}/guides/run.md#local`);
    expect(docLinkTarget(ref, 'guides/setup.md', '../index.md')).toBe(`${base}/index.md`);
    expect(docLinkTarget(ref, 'index.md', './guides/setup.md')).toBe(`${base}/guides/setup.md`);
  });

  it('leaves alone what the browser should follow as it is', () => {
    for (const href of ['https://example.com/a.md', 'mailto:team@example.com', '#section', '/elsewhere.md', '//cdn.example.com/x.md', 'image.png', '']) {
      expect(docLinkTarget(ref, 'index.md', href)).toBeNull();
    }
  });
});
