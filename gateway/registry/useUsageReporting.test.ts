import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, parse } from 'graphql';
import { useUsageReporting } from './useUsageReporting';

const schema = buildSchema('type Query { a: Int b: Int }');

/** Drives the plugin's hooks as Apollo Server does for one request. */
async function request(plugin: ReturnType<typeof useUsageReporting>['plugin'], query: string, client?: string) {
  const headers = new Map(client ? [['apollographql-client-name', client]] : []);
  const hooks = await plugin.requestDidStart!({ request: { http: { headers } } } as any);
  await (hooks as any).didResolveOperation({ schema, document: parse(query), queryHash: `hash-of-${query}`, operationName: null });
}

describe('useUsageReporting', () => {
  let server: Server;
  const reports: any[] = [];
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        reports.push({ path: req.url, authorization: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => void (reports.length = 0));

  it('counts requests per operation and client with the coordinates used, and reports them to the registry', async () => {
    const usage = useUsageReporting({ url, token: 't0ken', flushIntervalMs: 60_000, log: () => undefined });
    await request(usage.plugin, '{ a }', 'web');
    await request(usage.plugin, '{ a }', 'web');
    await request(usage.plugin, '{ a }');
    await usage.stop();
    expect(reports).toEqual([
      {
        path: '/registry/usage',
        authorization: 'Bearer t0ken',
        body: {
          operations: [
            { operationHash: 'hash-of-{ a }', operationName: '(anonymous)', clientName: 'web', coordinates: ['Query', 'Query.a'], count: 2 },
            { operationHash: 'hash-of-{ a }', operationName: '(anonymous)', clientName: 'unknown', coordinates: ['Query', 'Query.a'], count: 1 },
          ],
        },
      },
    ]);
  });

  it('holds at most maxEntries operation-client pairs, counting the rest as dropped', async () => {
    const lines: string[] = [];
    const usage = useUsageReporting({ url, flushIntervalMs: 60_000, maxEntries: 2, log: (line) => lines.push(line) });
    for (const client of ['a', 'b', 'c', 'd']) await request(usage.plugin, '{ b }', client);
    await usage.stop();
    expect(reports[0].body.operations.map((operation: any) => operation.clientName)).toEqual(['a', 'b']);
    expect(lines).toEqual(['gateway: usage of 2 request(s) was not recorded: more than 2 operations and clients in one interval']);
  });

  it('drops a report the registry does not take, and holds nothing after it', async () => {
    const lines: string[] = [];
    const usage = useUsageReporting({ url: 'http://127.0.0.1:1', flushIntervalMs: 60_000, log: (line) => lines.push(line) });
    await request(usage.plugin, '{ a }', 'web');
    await usage.flush();
    expect(lines[0]).toMatch(/usage report of 1 operation\(s\) dropped/);
    await usage.stop();
    expect(lines).toHaveLength(1);
  });
});
