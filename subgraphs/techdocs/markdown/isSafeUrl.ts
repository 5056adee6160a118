/** Schemes a rendered link or image may use; a URL without a scheme (relative, `#anchor`) is fine too. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * markdown-it's link check, stricter than its default: an allow-list of schemes instead
 * of a deny-list, so `data:` (any type), `javascript:`, `vbscript:`, `file:` and schemes
 * nobody thought of yet are all refused (the text stays, the link goes).
 * Browsers ignore tabs, newlines and leading control characters in a URL, so
 * `java\tscript:` is `javascript:` to them: those are removed before looking at the
 * scheme. markdown-it percent-encodes a URL before this check (`java%09script:`), so the
 * decoded form must pass too.
 */
export function isSafeUrl(url: string): boolean {
  return hasSafeScheme(url) && hasSafeScheme(decodeOrKeep(url));
}

function hasSafeScheme(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  return !scheme || SAFE_SCHEMES.has(scheme[1]);
}

function decodeOrKeep(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
