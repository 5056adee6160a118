import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The folders of the server's machine that the operator lets a subgraph read (the catalog's
 * descriptor files, TechDocs' docs folders). A caller never adds one: only configuration
 * and the entry points do.
 */
export interface SourceRoots {
  /** The folders, as real paths (symbolic links resolved). */
  readonly folders: readonly string[];
  /**
   * `target`'s real path when it lies under a root, symbolic links resolved at every level,
   * else null. A path that does not exist is judged by its nearest existing parent, so a
   * missing path and an existing one outside the roots look alike to the caller.
   */
  resolve(target: string): string | null;
}

/** Roots from folders (or files, whose folder becomes the root); ones that do not exist are dropped. */
export function createSourceRoots(folders: readonly string[]): SourceRoots {
  const real = [...new Set(folders.flatMap((folder) => realFolder(folder)))];
  return {
    folders: real,
    resolve(target) {
      if (!real.length || target.includes('\0')) return null;
      const resolved = realPathOf(path.resolve(target));
      return real.some((root) => resolved === root || resolved.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) ? resolved : null;
    },
  };
}

/** The folders start-up locations make readable (see rootOfLocation); URLs make none. */
export function rootsOfLocations(targets: readonly string[]): string[] {
  return targets.filter((target) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(target)).map(rootOfLocation);
}

/**
 * The folder a start-up location makes readable: the folder of a file, a folder itself,
 * or the fixed part of a glob (`/a/b/**\/*.yaml` gives `/a/b`).
 */
export function rootOfLocation(target: string): string {
  const absolute = path.resolve(target);
  const base = fixedPartOfGlob(absolute);
  if (base !== absolute) return base;
  return statSync(absolute, { throwIfNoEntry: false })?.isDirectory() ? absolute : path.dirname(absolute);
}

/** The part of a path before its first glob character (`/a/b/**\/*.yaml` gives `/a/b`); a plain path is itself. */
export function fixedPartOfGlob(target: string): string {
  const parts = path.resolve(target).split(path.sep);
  const wild = parts.findIndex((part) => /[*?[\]{}]/.test(part));
  return wild < 0 ? parts.join(path.sep) : parts.slice(0, wild).join(path.sep) || path.sep;
}

function realFolder(folder: string): string[] {
  try {
    return [realpathSync(path.resolve(folder))];
  } catch {
    return [];
  }
}

/** The real path of `target`, or of its nearest existing parent joined with the rest. */
function realPathOf(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    const parent = path.dirname(target);
    if (parent === target) return target;
    return path.join(realPathOf(parent), path.basename(target));
  }
}
