import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Temporary docs source folders for tests, removed by `cleanup()`. */
export function docsSources() {
  const created: string[] = [];
  return {
    /** Writes `files` (paths relative to the source folder, e.g. `docs/index.md`) into a new folder. */
    write(files: Record<string, string | Buffer>): string {
      const dir = mkdtempSync(path.join(tmpdir(), 'techdocs-test-'));
      created.push(dir);
      for (const [relative, content] of Object.entries(files)) {
        const file = path.join(dir, relative);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
      return dir;
    },
    cleanup(): void {
      for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
