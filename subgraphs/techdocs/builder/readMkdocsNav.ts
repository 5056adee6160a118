import { parseDocument } from 'yaml';
import { InputError } from '../../../kit';

/** One page named in mkdocs' `nav`, in order, with the title the nav gives it, if any. */
export interface NavPage {
  path: string;
  title: string | null;
}

/**
 * The pages of an `mkdocs.yml` `nav`, flattened in order (sections opened in place), or
 * null when there is no nav. Nav entries are `page.md`, `{ Title: page.md }` or
 * `{ Section: [...] }`; links elsewhere (`{ Blog: https://... }`) are not pages and are skipped.
 */
export function readMkdocsNav(yamlText: string): NavPage[] | null {
  // mkdocs.yml often holds `!!python/name:` tags for Python plugins: kept as strings, not errors.
  const document = parseDocument(yamlText, { logLevel: 'silent' });
  if (document.errors.length > 0) throw new InputError(`mkdocs.yml is not valid YAML: ${document.errors[0].message}`);
  const config: unknown = document.toJS();
  if (!isRecord(config) || config.nav === undefined || config.nav === null) return null;
  if (!Array.isArray(config.nav)) throw new InputError('mkdocs.yml: "nav" must be a list');
  return flatten(config.nav);
}

function flatten(items: unknown[]): NavPage[] {
  return items.flatMap((item): NavPage[] => {
    if (typeof item === 'string') return isPagePath(item) ? [{ path: cleanPath(item), title: null }] : [];
    if (!isRecord(item)) return [];
    return Object.entries(item).flatMap(([title, target]) => {
      if (Array.isArray(target)) return flatten(target);
      return typeof target === 'string' && isPagePath(target) ? [{ path: cleanPath(target), title }] : [];
    });
  });
}

function isPagePath(target: string): boolean {
  return target.endsWith('.md') && !/^[a-z][a-z0-9+.-]*:/i.test(target);
}

function cleanPath(target: string): string {
  return target.replace(/^\.\//, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
