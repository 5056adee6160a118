import { renderMarkdown } from '../markdown/renderMarkdown';
import type { TocEntry } from '../markdown/tocEntry';
import { orderPages } from './orderPages';
import { readDocsFolder } from './readDocsFolder';
import { readMkdocsNav } from './readMkdocsNav';

/** A page ready to store: rendered, titled and placed. */
export interface BuiltPage {
  path: string;
  position: number;
  title: string;
  toc: TocEntry[];
  html: string;
  markdown: string;
  plainText: string;
}

/**
 * The built-in "local builder": reads a docs source folder (see readDocsFolder), orders
 * its pages (mkdocs `nav`, else index first) and renders each one. Throws an InputError
 * for a source it refuses, before anything is stored.
 */
export async function buildDocs(sourceDir: string): Promise<BuiltPage[]> {
  const folder = await readDocsFolder(sourceDir);
  const nav = folder.mkdocsYaml === null ? null : readMkdocsNav(folder.mkdocsYaml);
  const markdownByPath = new Map(folder.files.map((file) => [file.path, file.markdown]));
  return orderPages([...markdownByPath.keys()], nav).map(({ path, navTitle }, position) => {
    const markdown = markdownByPath.get(path) as string;
    const rendered = renderMarkdown(markdown);
    return {
      path,
      position,
      title: pageTitle(path, navTitle, rendered.firstHeading),
      toc: rendered.toc,
      html: rendered.html,
      markdown,
      plainText: rendered.plainText,
    };
  });
}

/** mkdocs' rule: the nav's title, else the page's first h1, else one made from the file name. */
export function pageTitle(path: string, navTitle: string | null, firstHeading: string | null): string {
  if (navTitle?.trim()) return navTitle.trim();
  if (firstHeading) return firstHeading;
  const segments = path.replace(/\.md$/, '').split('/');
  const name = segments.at(-1) === 'index' ? (segments.at(-2) ?? 'Home') : (segments.at(-1) as string);
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
