import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BYTES, CONTENT_TYPES } from './contentTypes';

export interface WebAppOptions {
  /** The Vite build's output folder (clients/web/dist). */
  distDir: string;
}

export type WebAppHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * Content-Security-Policy for the UI. Docs pages are HTML from the techdocs plugin: it is
 * sanitized there, and this keeps a slip from running script. Mantine writes its theme
 * into a `<style>` element, hence inline styles; images may come from anywhere over https.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built web UI. Files under `assets/` carry a content hash in their name, so they
 * are cached for good; index.html is revalidated every time so a new build shows at once.
 * Any other path is a page of the UI (client-side routing, docs pages included:
 * `/docs/.../setup.md`) and gets index.html, except a missing asset (under `assets/`, or
 * a script, style, image or font by its extension): that is a 404, since a missing script
 * served as HTML fails confusingly. Paths resolve inside `distDir` only.
 */
export function createWebAppHandler({ distDir }: WebAppOptions): WebAppHandler {
  const root = path.resolve(distDir);
  const indexFile = path.join(root, 'index.html');

  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    }
    const urlPath = decodedPath(request.url ?? '/');
    if (urlPath === null) return sendText(response, 400, 'Bad request path');
    const file = path.resolve(root, `.${urlPath}`);
    if (file !== root && !file.startsWith(root + path.sep)) return sendText(response, 404, 'Not found');

    if (await isFile(file)) return sendFile(request, response, file);
    if (looksLikeAsset(urlPath)) return sendText(response, 404, 'Not found');
    if (await isFile(indexFile)) return sendFile(request, response, indexFile);
    return sendText(response, 503, 'The web UI is not built: run `npm run build:web`.');
  };

  async function sendFile(request: IncomingMessage, response: ServerResponse, file: string): Promise<void> {
    const extension = path.extname(file).toLowerCase();
    const hashed = path.relative(root, file).split(path.sep)[0] === 'assets';
    const { size } = await stat(file);
    response.statusCode = 200;
    response.setHeader('content-type', CONTENT_TYPES[extension] ?? BYTES);
    response.setHeader('content-length', size);
    response.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    response.setHeader('x-content-type-options', 'nosniff');
    if (extension === '.html') {
      response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
      response.setHeader('referrer-policy', 'same-origin');
    }
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    await pipeline(createReadStream(file), response);
  }
}

/** A file a page loads (never a page itself): under `assets/`, or a type a build emits, HTML aside. */
function looksLikeAsset(urlPath: string): boolean {
  const extension = path.extname(urlPath).toLowerCase();
  return urlPath.startsWith('/assets/') || (extension !== '.html' && extension in CONTENT_TYPES);
}

/** The URL's path, percent-decoded; null when it cannot be (bad escapes, NUL bytes). */
function decodedPath(url: string): string | null {
  try {
    const pathname = new URL(url, 'http://localhost').pathname;
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(text);
}
