import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SdkVulnerableServicesDocument, type SdkVulnerableServicesQuery } from '../generated/graphql';
import { startPlatform, type TestPlatform } from '../../test/support/startPlatform';
import { createEnsembleClient, GraphQLErrors, HttpError, MAX_SELECTION_CHARS, NetworkError, TimeoutError, type EnsembleClient } from '.';

/** The real fetch, counted: how many requests the client really sent. */
function countingFetch() {
  const counter = { requests: 0, bodies: [] as string[] };
  const counted: typeof fetch = (input, init) => {
    counter.requests++;
    counter.bodies.push(String(init?.body ?? ''));
    return fetch(input, init);
  };
  return { counter, fetch: counted };
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/graphql`;
}

// The SDK against the real gateway with the real catalog and security subgraphs (demo data).
describe('the Ensemble SDK', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog', 'security'], subgraph: () => ({ demo: true }) });
  }, 180_000);
  afterAll(() => platform?.stop());

  const client = (options: { pageSize?: number } = {}) => {
    const counting = countingFetch();
    return { client: createEnsembleClient({ endpoint: platform.gatewayUrl, fetch: counting.fetch, ...options }), counter: counting.counter };
  };

  async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
    const items: T[] = [];
    for await (const item of iterable) items.push(item);
    return items;
  }

  it('iterates over every page of entities, one request per page, in ref order', async () => {
    const { client: sdk, counter } = client({ pageSize: 4 });
    const refs = (await collect(sdk.entities({ kind: ['Component'] }))).map((entity) => entity.ref);
    expect(refs).toHaveLength(16);
    expect(new Set(refs).size).toBe(16);
    expect([...refs].sort()).toEqual(refs);
    expect(refs).toContain('component:default/checkout-service');
    expect(counter.requests).toBe(4);
    // One request with a page big enough for all of them gives the same entities.
    const { client: whole, counter: wholeCounter } = client({ pageSize: 100 });
    expect((await collect(whole.entities({ kind: ['Component'] }))).map((entity) => entity.ref)).toEqual(refs);
    expect(wholeCounter.requests).toBe(1);
  });

  it('stops at the limit without fetching further pages', async () => {
    const { client: sdk, counter } = client();
    const entities = await collect(sdk.entities({ kind: ['Component'] }, { pageSize: 2, limit: 5 }));
    expect(entities.map((entity) => entity.ref)).toHaveLength(5);
    expect(counter.requests).toBe(3);
  });

  it('coalesces look-ups made in the same tick into one request, answers in call order', async () => {
    const { client: sdk, counter } = client();
    const refs = ['component:checkout-service', 'group:default/team-payments', 'component:default/no-such-thing', 'component:checkout-service', 'system:checkout'];
    const results = await Promise.all(refs.map((ref) => sdk.entity(ref)));
    expect(counter.requests).toBe(1);
    expect(JSON.parse(counter.bodies[0]).variables.refs).toHaveLength(4);
    expect(results.map((result) => (result.ok ? (result.data?.ref ?? null) : 'failed'))).toEqual([
      'component:default/checkout-service',
      'group:default/team-payments',
      null,
      'component:default/checkout-service',
      'system:default/checkout',
    ]);
    const checkout = results[0].ok ? results[0].data : null;
    expect(checkout?.relations).toContainEqual({ type: 'ownedBy', targetRef: 'group:default/team-payments' });
  });

  it('sends look-ups made in different ticks separately', async () => {
    const { client: sdk, counter } = client();
    await sdk.entity('component:checkout-service');
    await sdk.entity('component:web-shop');
    expect(counter.requests).toBe(2);
  });

  it('gives an invalid ref as a GraphQLErrors value with its code', async () => {
    const { client: sdk } = client();
    const result = await sdk.request('query($ref: ID!) { entity(ref: $ref) { ref } }', { ref: 'not-a-ref' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(GraphQLErrors);
    expect(result.error.kind).toBe('graphql');
    expect((result.error as GraphQLErrors).codes).toEqual(['BAD_USER_INPUT']);
    expect(result.data).toEqual({ entity: null });
  });

  it('gives a bad ref to a batched look-up as an error value for every ref of the batch', async () => {
    const { client: sdk } = client();
    const [good, bad] = await Promise.all([sdk.entity('component:web-shop'), sdk.entity('nope')]);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.kind === 'graphql' && bad.error.codes).toContain('BAD_USER_INPUT');
    expect(good.ok).toBe(false);
  });

  it('gives an unreachable endpoint as a NetworkError value', async () => {
    const sdk = createEnsembleClient({ endpoint: await closedPortUrl() });
    const result = await sdk.entity('component:web-shop');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBeInstanceOf(NetworkError);
    expect(!result.ok && result.error.message).toMatch(/ECONNREFUSED/);
    await expect(collect(sdk.entities())).rejects.toBeInstanceOf(NetworkError);
  });

  it('gives a non-GraphQL answer as an HttpError value', async () => {
    const sdk = createEnsembleClient({ endpoint: platform.gatewayUrl.replace(/\/graphql$/, '/no-such-path') });
    const result = await sdk.request('{ __typename }');
    expect(!result.ok && result.error).toBeInstanceOf(HttpError);
    expect(!result.ok && result.error.kind === "http" && result.error.status).toBe(404);
    expect(!result.ok && result.error.message).toMatch(/No route/);
  });

  it('gives a server that never answers as a TimeoutError value', async () => {
    const hung: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    try {
      const sdk = createEnsembleClient({ endpoint: `http://127.0.0.1:${(hung.address() as AddressInfo).port}/graphql`, timeoutMs: 300 });
      const result = await sdk.request('{ __typename }');
      expect(!result.ok && result.error).toBeInstanceOf(TimeoutError);
    } finally {
      hung.closeAllConnections();
      await new Promise((resolve) => hung.close(resolve));
    }
  });

  describe('plugin fields without generated types', () => {
    it('lists which plugin owns which Entity field, from the supergraph the gateway serves', async () => {
      const { client: sdk } = client();
      const result = await sdk.pluginFields();
      expect(result.ok && result.data.plugins.map((plugin) => plugin.name)).toEqual(['security']);
      const summary = result.ok ? result.data.plugins[0].fields.find((field) => field.name === 'vulnerabilitySummary') : undefined;
      expect(summary).toMatchObject({ label: "Counts of the entity's open findings by severity", list: false });
      expect(summary?.fields?.map((field) => field.name)).toEqual(expect.arrayContaining(['critical', 'high', 'total']));
    });

    it('asks any fields of an entity as text, untyped, in one request', async () => {
      const { client: sdk, counter } = client();
      const result = await sdk.entityFields('component:checkout-service', ['vulnerabilitySummary { total critical }', 'name']);
      expect(result.ok).toBe(true);
      expect(result.data).toEqual({ ref: 'component:default/checkout-service', name: 'checkout-service', vulnerabilitySummary: { total: expect.any(Number), critical: expect.any(Number) } });
      expect((result.data?.vulnerabilitySummary as { total: number }).total).toBeGreaterThan(0);
      expect(counter.requests).toBe(1);
      expect(await sdk.entityFields('component:default/no-such-thing', 'name')).toEqual({ ok: true, data: null });
      const unknown = await sdk.entityFields('component:checkout-service', 'noSuchField');
      expect(!unknown.ok && unknown.error.kind === 'graphql' && unknown.error.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    });

    it('refuses a selection that leaves entity(ref), is empty or too long, without sending it', async () => {
      const { client: sdk, counter } = client();
      for (const selection of ['name } } mutation { applyEntities(yaml: "x") { created } ', 'name {', '', '   ', 'name # }', 'x'.repeat(MAX_SELECTION_CHARS + 1)]) {
        const result = await sdk.entityFields('component:checkout-service', selection);
        expect(!result.ok && result.error.kind === 'graphql' && result.error.codes).toEqual(['BAD_USER_INPUT']);
      }
      expect(counter.requests).toBe(0);
    });

    it("gives every plugin's part of an entity with its shapes", async () => {
      const { client: sdk, counter } = client();
      const result = await sdk.pluginCards('component:checkout-service');
      expect(result.ok).toBe(true);
      const [security] = result.data ?? [];
      expect(security.name).toBe('security');
      expect(security.errors).toEqual([]);
      expect(Object.keys(security.values)).toEqual(security.fields.map((field) => field.name));
      expect((security.values.vulnerabilitySummary as { total: number }).total).toBeGreaterThan(0);
      expect(counter.requests).toBe(2); // GET /plugins, then one query for every plugin
    });
  });

  describe('with the security plugin down', () => {
    let sdk: EnsembleClient;
    beforeAll(async () => {
      await platform.subgraphs.security.stop();
      sdk = createEnsembleClient({ endpoint: platform.gatewayUrl });
    });

    it('keeps the partial data beside the error', async () => {
      const result = await sdk.request(SdkVulnerableServicesDocument, { first: 50 });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toBeInstanceOf(GraphQLErrors);
      expect(result.error.message).toMatch(/security/);
      const services = result.data!.entities.edges.map(({ node }) => node);
      expect(services.map((service) => service.ref)).toContain('component:default/checkout-service');
      expect(services.every((service) => service.vulnerabilitySummary === null)).toBe(true);
    });

    it('ends an iteration over partial pages with the error, unless the caller accepts partial pages', async () => {
      const connection = (data: SdkVulnerableServicesQuery) => data.entities;
      await expect(collect(sdk.paginate(SdkVulnerableServicesDocument, {}, connection, { pageSize: 3 }))).rejects.toBeInstanceOf(GraphQLErrors);
      const partial: unknown[] = [];
      const services = await collect(sdk.paginate(SdkVulnerableServicesDocument, {}, connection, { pageSize: 3, onPartial: (error) => partial.push(error) }));
      expect(services.length).toBeGreaterThan(3);
      expect(partial).toHaveLength(Math.ceil(services.length / 3));
    });

    it("gives the plugin's card its own error, the fields null", async () => {
      const result = await sdk.pluginCards('component:checkout-service');
      expect(result.ok).toBe(false);
      const [security] = result.data ?? [];
      expect(security.values.vulnerabilitySummary).toBeNull();
      expect(security.errors.map((error) => error.extensions?.code)).toContain('SUBGRAPH_UNAVAILABLE');
    });
  });
});
