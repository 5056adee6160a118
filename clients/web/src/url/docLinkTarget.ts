import { docsPath } from './entityPaths';

/**
 * Where a link inside a rendered docs page should go in the UI. The techdocs plugin keeps
 * links between pages relative to the page (`order-lifecycle.md`, `../guides/setup.md#run`),
 * so they resolve against the current page's path and become docs-reader paths. Null for
 * links the browser should follow as they are (absolute URLs, mailto, in-page anchors).
 */
export function docLinkTarget(ref: string, currentPath: string, href: string): string | null {
  if (!href || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('/')) return null;
  const [target, hash] = splitOnce(href, '#');
  const [file] = splitOnce(target, '?');
  if (!file.toLowerCase().endsWith('.md')) return null;
  const base = currentPath.split('/').slice(0, -1);
  for (const segment of file.split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return docsPath(ref, base.join('/')) + (hash ? `#${hash}` : '');
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}
