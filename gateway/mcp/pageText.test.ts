import { pageText } from './pageText';
import { ToolFailure } from './ToolFailure';

describe('pageText', () => {
  it('gives a short answer whole', () => {
    expect(pageText('abc', 0, 10)).toBe('abc');
  });

  it('gives a long answer in pages that join back into it, each naming the next offset', () => {
    const text = 'x'.repeat(25).replace(/x/g, (_, index: number) => String(index % 10));
    const pages: string[] = [];
    let offset = 0;
    for (;;) {
      const page = pageText(text, offset, 10);
      pages.push(page.slice(0, page.lastIndexOf('\n[')));
      const next = /"offset": (\d+)/.exec(page);
      if (!next) {
        expect(page).toMatch(/\[characters 20-25 of 25: this is the last page\]$/);
        break;
      }
      offset = Number(next[1]);
    }
    expect(pages.join('')).toBe(text);
    expect(pages).toHaveLength(3);
  });

  it('refuses an offset past the end, saying where to start', () => {
    expect(() => pageText('abc', 3, 10)).toThrow(ToolFailure);
    expect(() => pageText('abc', 99, 10)).toThrow(/past the end of this answer \(3 characters\); start again from offset 0/);
  });
});
