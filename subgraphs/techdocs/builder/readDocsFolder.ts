import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createSourceRoots, InputError } from '../../../kit';

export const MAX_PAGES = 500;
export const MAX_PAGE_BYTES = 1024 * 1024;

/** What a docs source holds: its markdown files (paths under `docs/`, `/`-separated) and its mkdocs.yml. */
export interface DocsFolder {
  files: { path: string; markdown: string }[];
  mkdocsYaml: string | null;
}

/**
 * Reads a docs source the way TechDocs lays it out: `<sourceDir>/mkdocs.yml` (optional)
 * and `<sourceDir>/docs/**\/*.md`. Everything is checked before anything is returned, so a
 * refused source never leaves half a publication behind. Nothing is followed out of the
 * source folder: `docs/` and mkdocs.yml must really be inside it (a link out is refused), and
 * below `docs/` links are skipped (only regular files and folders are read). Which folders
 * may be a source at all is the caller's check (see docsRoots).
 */
export async function readDocsFolder(sourceDir: string): Promise<DocsFolder> {
  await requireDirectory(path.resolve(sourceDir), `"sourceDir" ${sourceDir}`);
  const inside = createSourceRoots([sourceDir]);
  const [root] = inside.folders;
  const docsDir = inside.resolve(path.join(root, 'docs'));
  if (!docsDir) throw new InputError(`The docs folder ${path.join(sourceDir, 'docs')} is a link out of the source folder`);
  await requireDirectory(docsDir, `The docs folder ${path.join(sourceDir, 'docs')}`);
  const paths = await listMarkdownPages(docsDir);
  if (paths.length === 0) throw new InputError(`${path.join(sourceDir, 'docs')} holds no markdown (.md) pages`);
  const files = [];
  for (const relative of paths) {
    const file = path.join(docsDir, relative);
    const { size } = await stat(file);
    if (size > MAX_PAGE_BYTES) throw new InputError(`docs/${relative} is ${size} bytes; pages may be at most ${MAX_PAGE_BYTES} bytes`);
    files.push({ path: relative, markdown: await readFile(file, 'utf8') });
  }
  const mkdocs = inside.resolve(path.join(root, 'mkdocs.yml'));
  if (!mkdocs) throw new InputError(`mkdocs.yml of ${sourceDir} is a link out of the source folder`);
  return { files, mkdocsYaml: await readOptional(mkdocs) };
}

async function requireDirectory(dir: string, name: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new InputError(`${name} does not exist`);
  if (!info.isDirectory()) throw new InputError(`${name} is not a directory`);
}

/** Markdown files under `docsDir` (paths relative to it), depth first, failing as soon as there are too many. */
export function listMarkdownPages(docsDir: string): Promise<string[]> {
  return listMarkdown(docsDir, '');
}

async function listMarkdown(dir: string, prefix: string, found: string[] = []): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await listMarkdown(dir, relative, found);
    else if (entry.isFile() && entry.name.endsWith('.md')) {
      found.push(relative);
      if (found.length > MAX_PAGES) throw new InputError(`docs holds more than ${MAX_PAGES} pages`);
    }
  }
  return found;
}

async function readOptional(file: string): Promise<string | null> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  if (info.size > MAX_PAGE_BYTES) throw new InputError(`mkdocs.yml is over ${MAX_PAGE_BYTES} bytes`);
  return readFile(file, 'utf8');
}
