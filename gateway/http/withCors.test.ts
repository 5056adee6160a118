import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCorsOrigins, withCors } from './withCors';

describe('withCors', () => {
  let server: Server;
  let url: string;
  let handled = 0;

  beforeAll(async () => {
    const handler = withCors(async (_request, response) => {
      handled += 1;
      response.end('handled');
    }, () => new Set(['http://localhost:4000']));
    server = createServer((request, response) => void handler(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a preflight from an allowed origin with the methods and headers it may use', async () => {
    const response = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4000');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(response.headers.get('vary')).toBe('origin');
  });

  it('lets a request from an allowed origin through, naming that origin, never *', async () => {
    const before = handled;
    const response = await fetch(url, { method: 'POST', headers: { origin: 'http://localhost:4000' }, body: '{}' });
    expect(await response.text()).toBe('handled');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4000');
    expect(handled).toBe(before + 1);
  });

  it('refuses any other origin with 403 before the handler runs, preflight or not', async () => {
    const before = handled;
    for (const method of ['OPTIONS', 'POST']) {
      const response = await fetch(url, { method, headers: { origin: 'https://evil.example' }, body: method === 'POST' ? '{}' : undefined });
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(await response.json()).toEqual({ errors: [{ message: 'This origin may not call the gateway', extensions: { code: 'CORS_ORIGIN_NOT_ALLOWED' } }] });
    }
    expect(handled).toBe(before);
  });

  it('lets a request without an Origin (curl, a server) through without CORS headers', async () => {
    const response = await fetch(url, { method: 'POST', body: '{}' });
    expect(await response.text()).toBe('handled');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('parseCorsOrigins', () => {
  it('accepts exact origins, normalised', () => {
    expect(parseCorsOrigins(['https://Portal.Example.com', 'http://localhost:5173/'])).toEqual(new Set(['https://portal.example.com', 'http://localhost:5173']));
  });

  it('refuses * and anything that is not just an origin', () => {
    expect(() => parseCorsOrigins(['*'])).toThrow(/one by one/);
    expect(() => parseCorsOrigins(['https://*.example.com'])).toThrow(/one by one/);
    expect(() => parseCorsOrigins(['https://example.com/app'])).toThrow(/Not a CORS origin/);
    expect(() => parseCorsOrigins(['example.com'])).toThrow(/Not a CORS origin/);
  });
});
