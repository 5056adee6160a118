import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWebAppHandler } from './serveWebApp';

/** A raw GET, so paths reach the server exactly as written (fetch would normalise `..`). */
async function get(port: number, rawPath: string, method = 'GET') {
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: rawPath, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function serve(distDir: string): Promise<{ server: Server; port: number }> {
  const handler = createWebAppHandler({ distDir });
  const server = createServer((request, response) => void handler(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('createWebAppHandler', () => {
  let dir: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ensemble-web-'));
    const dist = path.join(dir, 'dist');
    mkdirSync(path.join(dist, 'assets'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.css'), 'body{}');
    writeFileSync(path.join(dist, 'favicon.svg'), '<svg/>');
    writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
    ({ server, port } = await serve(dist));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves hashed assets with their content type, cached for good', async () => {
    const script = await get(port, '/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.body).toBe('console.log(1)');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(port, '/assets/index-abc123.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('serves unhashed files and index.html to be revalidated', async () => {
    const icon = await get(port, '/favicon.svg');
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
    const index = await get(port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<div id="root">');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers every page of the UI with index.html, query strings included', async () => {
    for (const page of ['/entity/component/default/checkout-service', '/group/group/default/team-payments?x=1', '/docs/component/default/web-shop/guides/setup.md']) {
      const response = await get(port, page);
      expect(response.status).toBe(200);
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('answers 404 for a missing asset rather than index.html', async () => {
    for (const missing of ['/assets/index-old.js', '/assets/no-extension', '/missing.css', '/logo.png', '/app.js.map']) {
      const response = await get(port, missing);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('<div id="root">');
    }
  });

  it('never serves a file outside the build folder', async () => {
    for (const attack of ['/../secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/a%00.js']) {
      const response = await get(port, attack);
      expect(response.body).not.toContain('do not serve');
      expect([400, 404]).toContain(response.status);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(port, '/assets/index-abc123.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('14');
    expect(head.body).toBe('');
    const post = await get(port, '/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('says the UI is not built when the build folder is missing', async () => {
    const empty = await serve(path.join(dir, 'not-built'));
    try {
      const response = await get(empty.port, '/');
      expect(response.status).toBe(503);
      expect(response.body).toContain('npm run build:web');
    } finally {
      await new Promise((resolve) => empty.server.close(resolve));
    }
  });
});
