import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { followRegistry } from './followRegistry';

describe('followRegistry', () => {
  let server: Server;
  let url = '';
  let current = { version: 1, supergraphSdl: 'sdl-1' };
  const polls: (string | undefined)[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      polls.push(request.headers['if-none-match'] as string | undefined);
      if (request.headers['if-none-match'] === `"${current.version}"`) return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/json', etag: `"${current.version}"` }).end(JSON.stringify(current));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Resolves once the follower has polled `count` more times. */
  const polled = async (count: number) => {
    const target = polls.length + count;
    while (polls.length < target) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('loads the current supergraph, polls with its version, hands a new one to update, and never serves one update refuses', async () => {
    const lines: string[] = [];
    const updates: string[] = [];
    const follower = followRegistry({ url, pollIntervalMs: 20, log: (line) => lines.push(line) });
    const loaded = await follower.hook({ update: (sdl) => (sdl === 'broken' ? (() => { throw new Error('does not build'); })() : void updates.push(sdl)), healthCheck: async () => undefined, getDataSource: () => ({}) as any });
    expect(loaded.supergraphSdl).toBe('sdl-1');
    expect(follower.version()).toBe(1);
    await polled(2);
    expect(polls.at(-1)).toBe('"1"');
    current = { version: 2, supergraphSdl: 'broken' };
    await polled(3);
    expect(follower.version()).toBe(1);
    expect(updates).toEqual([]);
    expect(lines.filter((line) => /refused supergraph version 2/.test(line))).toHaveLength(1);
    current = { version: 3, supergraphSdl: 'sdl-3' };
    await polled(3);
    expect(updates).toEqual(['sdl-3']);
    expect(follower.version()).toBe(3);
    await loaded.cleanup!();
  });
});
