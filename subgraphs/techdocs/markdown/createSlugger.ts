/**
 * Heading anchors in GitHub's style (`Order lifecycle` -> `order-lifecycle`), unique within
 * one page: a repeated heading gets `-1`, `-2`... so every TOC entry links to its own heading.
 */
export function createSlugger(): (text: string) => string {
  const taken = new Set<string>();
  return (text) => {
    const base =
      text
        .toLowerCase()
        .trim()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s+/g, '-') || 'section';
    let anchor = base;
    for (let suffix = 1; taken.has(anchor); suffix += 1) anchor = `${base}-${suffix}`;
    taken.add(anchor);
    return anchor;
  };
}
