import type { IncomingMessage, ServerResponse } from 'node:http';
import { createMetrics, metricsRoute, processMetrics } from '../../kit/observability';
import { postGraphQL } from '../../kit/testing';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** One sample's value from Prometheus text (`name{labels} value`), or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const given = line.slice(name.length + 1, line.lastIndexOf('}'));
    if (Object.entries(labels).every(([key, value]) => given.includes(`${key}="${value}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

async function scrape(base: string, token?: string): Promise<{ status: number; text: string }> {
  const response = await fetch(new URL('/metrics', base), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, text: await response.text() };
}

describe('GET /metrics on the gateway and a subgraph', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog'], gateway: { metricsToken: TOKEN } });
  });
  afterAll(() => platform?.stop());

  it('counts requests, errors by code, subgraph fetches and database queue depth', async () => {
    const before = await scrape(platform.gatewayUrl, TOKEN);
    const ok = (name: string, labels: Record<string, string>, text = before.text) => sample(text, name, labels) ?? 0;
    const answer = await postGraphQL(platform.gatewayUrl, '{ entities(first: 2) { edges { node { ref } } } }');
    expect(answer.errors).toBeUndefined();
    const invalid = await postGraphQL(platform.gatewayUrl, '{ noSuchField }');
    expect(invalid.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const after = await scrape(platform.gatewayUrl, TOKEN);
    expect(after.status).toBe(200);
    const delta = (name: string, labels: Record<string, string>) => ok(name, labels, after.text) - ok(name, labels);
    expect(delta('ensemble_http_requests_total', { service: 'gateway', route: '/graphql', status: '200' })).toBe(1);
    expect(delta('ensemble_http_requests_total', { service: 'gateway', route: '/graphql', status: '400' })).toBe(1);
    expect(delta('ensemble_graphql_errors_total', { service: 'gateway', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(delta('ensemble_subgraph_fetch_duration_seconds_count', { subgraph: 'catalog', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(delta('ensemble_http_request_duration_seconds_count', { service: 'catalog', route: '/graphql' })).toBeGreaterThanOrEqual(1);
    // The catalog's in-memory PGlite: idle between requests.
    expect(sample(after.text, 'ensemble_database_queue_depth', { service: 'catalog' })).toBe(0);
  });

  it('requires the token where one is set, and serves loopback callers without one', async () => {
    expect((await scrape(platform.gatewayUrl)).status).toBe(401);
    expect((await scrape(platform.gatewayUrl, `${TOKEN}x`)).status).toBe(401);
    // The subgraph has no token here: its loopback caller may read it.
    const subgraph = await scrape(platform.subgraphs.catalog.url);
    expect(subgraph.status).toBe(200);
    expect(subgraph.text).toContain('ensemble_http_requests_total');
  });

  it('labels paths it does not route as unmatched, never by their raw path', async () => {
    await fetch(new URL('/no/such/path-123', platform.subgraphs.catalog.url));
    const { text } = await scrape(platform.subgraphs.catalog.url);
    expect(sample(text, 'ensemble_http_requests_total', { service: 'catalog', route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('path-123');
  });
});

describe('metricsRoute', () => {
  const answer = async (handler: ReturnType<typeof metricsRoute>, request: Partial<IncomingMessage>) => {
    const headers: Record<string, string> = {};
    const response = { statusCode: 0, body: '', setHeader: (key: string, value: string) => void (headers[key] = value), end(body?: string) { this.body = body ?? ''; } };
    await handler({ method: 'GET', headers: {}, ...request } as IncomingMessage, response as unknown as ServerResponse);
    return response;
  };

  it('refuses callers from the network when no token is set', async () => {
    const handler = metricsRoute(createMetrics({ defaultMetrics: false }), undefined);
    expect((await answer(handler, { socket: { remoteAddress: '10.1.2.3' } as never })).statusCode).toBe(403);
    expect((await answer(handler, { socket: { remoteAddress: '127.0.0.1' } as never })).statusCode).toBe(200);
  });

  it('refuses writes and a short token', async () => {
    const handler = metricsRoute(createMetrics({ defaultMetrics: false }), TOKEN);
    expect((await answer(handler, { method: 'POST' })).statusCode).toBe(405);
    expect((await answer(handler, { headers: { authorization: `Bearer ${TOKEN}` }, socket: { remoteAddress: '10.1.2.3' } as never })).statusCode).toBe(200);
    expect(() => metricsRoute(createMetrics({ defaultMetrics: false }), 'short')).toThrow(/at least 16/);
  });
});

describe('ingestion and database hooks', () => {
  it('reports what the watchers return at scrape time, until unwatched', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    let queue = 3;
    const unwatch = metrics.watchIngestion('catalog', () => ({ lagSeconds: 12.5, queueDepth: queue }));
    metrics.watchDatabase('catalog', () => ({ pool: { total: 4, idle: 1, waiting: 2 } }));
    metrics.ingestionReads.inc({ service: 'catalog', outcome: 'ok' });
    queue = 5;
    let text = await metrics.registry.metrics();
    expect(sample(text, 'ensemble_ingestion_queue_depth', { service: 'catalog' })).toBe(5);
    expect(sample(text, 'ensemble_ingestion_lag_seconds', { service: 'catalog' })).toBe(12.5);
    expect(sample(text, 'ensemble_database_connections', { service: 'catalog', state: 'waiting' })).toBe(2);
    expect(sample(text, 'ensemble_ingestion_reads_total', { service: 'catalog', outcome: 'ok' })).toBe(1);
    unwatch();
    text = await metrics.registry.metrics();
    expect(sample(text, 'ensemble_ingestion_queue_depth', { service: 'catalog' })).toBeUndefined();
  });

  it('is one registry per process', () => {
    expect(processMetrics()).toBe(processMetrics());
  });
});
