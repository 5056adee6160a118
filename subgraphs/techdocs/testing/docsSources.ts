import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Temporary docs source folders for tests, all under one `root` (a docs root for the
 * subgraph under test), removed by `cleanup()`.
 */
export function docsSources() {
  const root = mkdtempSync(path.join(tmpdir(), 'techdocs-test-'));
  let count = 0;
  return {
    root,
    /** Writes `files` (paths relative to the source folder, e.g. `docs/index.md`) into a new folder under `root`. */
    write(files: Record<string, string | Buffer>): string {
      const dir = path.join(root, `source-${++count}`);
      mkdirSync(dir, { recursive: true });
      for (const [relative, content] of Object.entries(files)) {
        const file = path.join(dir, relative);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
      return dir;
    },
    cleanup(): void {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
