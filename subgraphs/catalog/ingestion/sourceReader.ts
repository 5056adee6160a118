import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { createSourceRoots, fixedPartOfGlob, type SourceRoots } from '../../../kit';

/** Descriptor files and placeholder targets larger than this are refused, not parsed. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export interface SourceReaderOptions {
  /**
   * Hosts URLs may be read from (`example.com`, `*.example.com`, `127.0.0.1:8080`).
   * Empty by default: like Backstage's `backend.reading.allow`, nothing is fetched from a
   * host nobody allowed.
   */
  allowHosts?: string[];
  /**
   * The folders local files may be read from (see kit's SourceRoots). None by default:
   * then no local file is read at all.
   */
  roots?: SourceRoots;
  /** Give up on a URL after this long. */
  timeoutMs?: number;
  maxBytes?: number;
}

/** Reads descriptor sources: local files under the roots and, from allowed hosts only, http(s) URLs. */
export interface SourceReader {
  read(target: string): Promise<string>;
  /** The files a local glob matches, in order; only under the roots, symbolic links not followed. */
  list(pattern: string): Promise<string[]>;
  /**
   * What an http(s) URL's server says identifies its current content, asked with HEAD
   * (its ETag, else Last-Modified with the length); null when it says neither. Same hosts
   * as `read`.
   */
  validator?(url: string): Promise<string | null>;
}

export class SourceReadError extends Error {}

/** The target does not exist: a Location with `presence: optional` skips it without error. */
export class SourceNotFoundError extends SourceReadError {
  override name = 'NotFoundError';
}

/** A URL on a host nobody allowed: named as Backstage names it. */
export class ReadNotAllowedError extends SourceReadError {
  override name = 'NotAllowedError';
}

export function isUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

/** A local file or folder outside the roots, or one of them that does not exist: the same words for both. */
export class LocalReadNotAllowedError extends ReadNotAllowedError {
  constructor(target: string) {
    super(`Reading '${target}' is not allowed: it is not under a folder this catalog is configured to read`);
  }
}

/**
 * `relative` as seen from the file or URL `base`. Content read from a URL stays remote, as
 * Backstage resolves it: a relative target becomes a URL on the same origin, an http(s) URL
 * stays itself, and an absolute local path or any other scheme (`file:`) is refused, so a
 * remote descriptor cannot make the server read its own files.
 */
export function resolveRelative(base: string, relative: string): string {
  if (isUrl(relative)) return relative;
  if (!isUrl(base)) return path.isAbsolute(relative) ? relative : path.resolve(path.dirname(base), relative);
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[a-z][a-z0-9+.-]*:/i.test(relative)) {
    throw new ReadNotAllowedError(`'${relative}' in content read from ${base} is not a URL; remote content may only name URLs or paths relative to itself`);
  }
  return new URL(relative, base).toString();
}

export function createSourceReader(options: SourceReaderOptions = {}): SourceReader {
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  const allowHosts = options.allowHosts ?? [];
  const roots = options.roots ?? createSourceRoots([]);
  return {
    async read(target) {
      if (!isUrl(target)) {
        const file = roots.resolve(target);
        if (!file) throw new LocalReadNotAllowedError(target);
        return readLocalFile(file, target, maxBytes);
      }
      return fetchText(allowedUrl(target, allowHosts), options.timeoutMs ?? 10_000, maxBytes);
    },
    async validator(target) {
      const url = allowedUrl(target, allowHosts);
      const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(options.timeoutMs ?? 10_000), redirect: 'error' });
      if (!response.ok) return null;
      const etag = response.headers.get('etag');
      const modified = response.headers.get('last-modified');
      // Bounded: a header is stored in the location's stamp only through a hash.
      if (etag) return `etag:${etag.slice(0, 1_024)}`;
      return modified ? `modified:${modified.slice(0, 1_024)}:${response.headers.get('content-length') ?? ''}` : null;
    },
    async list(pattern) {
      // The glob's fixed part must be under a root before anything is listed, so a glob
      // cannot even tell which files exist elsewhere; each match is checked again on read.
      const base = fixedPartOfGlob(pattern);
      if (!roots.resolve(base)) throw new LocalReadNotAllowedError(pattern);
      // Listed from the fixed part: without following links, an absolute pattern finds nothing
      // when a folder above it is itself a link (a root may be reached through one).
      const files = await glob(path.relative(base, path.resolve(pattern)), {
        cwd: base,
        absolute: true,
        onlyFiles: true,
        expandDirectories: false,
        followSymbolicLinks: false,
      });
      return files.filter((file) => roots.resolve(file) !== null).sort();
    },
  };
}

/**
 * Synchronous on purpose: fs/promises spends ~100 µs of CPU per small file hopping through
 * the thread pool, more than parsing it, while a local read of a descriptor takes a few
 * microseconds. readLocation yields to the event loop between batches of files.
 */
async function readLocalFile(realFile: string, file: string, maxBytes: number): Promise<string> {
  let fd: number;
  try {
    // The real path, as checked against the roots (not the name, which a link may redirect).
    // Non-blocking: opening a FIFO by mistake must fail the check below, not hang the read.
    fd = openSync(realFile, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch {
    throw new SourceNotFoundError(`File not found: ${file}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new SourceReadError(`${file} is not a file`);
    if (stats.size > maxBytes) throw new SourceReadError(`${file} is ${stats.size} bytes, larger than the ${maxBytes} allowed`);
    return readFileSync(fd, 'utf8');
  } catch (error) {
    if (error instanceof SourceReadError) throw error;
    throw new SourceReadError(`Could not read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    closeSync(fd);
  }
}

function allowedUrl(target: string, allowHosts: readonly string[]): URL {
  const url = new URL(target);
  if (!allowHosts.some((pattern) => hostMatches(pattern, url))) {
    throw new ReadNotAllowedError(
      `Reading from '${target}' is not allowed. You may need to configure an integration for the target host, ` +
        `or add it to the configured list of allowed hosts at 'backend.reading.allow'`,
    );
  }
  return url;
}

/** Whether `url` is on a host `pattern` allows (`example.com`, `*.example.com`, `host:port`). */
export function hostMatches(pattern: string, url: URL): boolean {
  const host = pattern.includes(':') ? url.host : url.hostname;
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

async function fetchText(url: URL, timeoutMs: number, maxBytes: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (error) {
    throw new SourceReadError(`Could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 404) throw new SourceNotFoundError(`Could not fetch ${url}: HTTP 404`);
  if (!response.ok) throw new SourceReadError(`Could not fetch ${url}: HTTP ${response.status}`);
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw new SourceReadError(`${url} is larger than the ${maxBytes} bytes allowed`);
  }
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > maxBytes) throw new SourceReadError(`${url} is larger than the ${maxBytes} bytes allowed`);
  return body.toString('utf8');
}
