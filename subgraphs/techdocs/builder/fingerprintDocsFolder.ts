import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { listMarkdownPages } from './readDocsFolder';

/**
 * What a docs source looks like without reading its pages: each markdown file's path,
 * size and modification time, and mkdocs.yml's. Equal fingerprints mean nothing to
 * rebuild; a folder that cannot be listed fingerprints as its error, so it is retried
 * once it changes, not on every request.
 */
export async function fingerprintDocsFolder(sourceDir: string): Promise<string> {
  const root = path.resolve(sourceDir);
  const hash = createHash('sha256');
  try {
    const docsDir = path.join(root, 'docs');
    for (const page of await listMarkdownPages(docsDir)) hash.update(describe(page, await stat(path.join(docsDir, page))));
    const mkdocs = await stat(path.join(root, 'mkdocs.yml')).catch(() => null);
    if (mkdocs) hash.update(describe('../mkdocs.yml', mkdocs));
  } catch (error) {
    return `unreadable: ${error instanceof Error ? error.message : String(error)}`;
  }
  return hash.digest('hex');
}

function describe(file: string, info: { size: number; mtimeMs: number }): string {
  return `${file}\u0000${info.size}\u0000${info.mtimeMs}\n`;
}
