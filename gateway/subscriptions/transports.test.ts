import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { userIdentity } from '../../kit';
import { startGateway, type RunningGateway } from '../startGateway';
import { MemoryEventFeed } from './testing/MemoryEventFeed';
import { startFakeCatalog } from './testing/startFakeCatalog';

const TEAM_A_TOKEN = 'team-a-token-0123456789';
const TEAM_B_TOKEN = 'team-b-token-0123456789';
const SUBSCRIPTION = 'subscription ($after: String) { entityChanged(after: $after) { cursor change ref entity { name owner } } }';

describe('subscriptions through the gateway (graphql-ws and graphql-sse)', () => {
  const feed = new MemoryEventFeed();
  const entities = new Map([
    ['component:default/a', { ref: 'component:default/a', name: 'a', owner: 'group:default/team-a' }],
    ['component:default/b', { ref: 'component:default/b', name: 'b', owner: 'group:default/team-b' }],
  ]);
  let catalog: Awaited<ReturnType<typeof startFakeCatalog>>;
  let gateway: RunningGateway;
  const logs: string[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    catalog = await startFakeCatalog(entities);
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'catalog', url: catalog.url }] },
      subgraphSecret: null,
      production: true,
      log: (line) => void logs.push(line),
      auth: {
        anonymous: false,
        apiTokens: [
          { token: TEAM_A_TOKEN, identity: userIdentity('user:default/ada', ['group:default/team-a']) },
          { token: TEAM_B_TOKEN, identity: userIdentity('user:default/bo', ['group:default/team-b']) },
        ],
      },
      subscriptions: { feed, settings: { maxPerConnection: 2, maxPerCaller: 3, pollIntervalMs: 50 } },
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await gateway?.stop();
    await catalog?.stop();
  });

  const wsUrl = () => `ws://127.0.0.1:${gateway.port}/graphql`;
  const wsClient = (token: string | undefined, onClose?: (event: { code: number; reason: string }) => void) => {
    const client = createWsClient({
      url: wsUrl(),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: true,
      on: onClose ? { closed: (event) => onClose(event as { code: number; reason: string }) } : undefined,
    });
    clients.push(client);
    return client;
  };
  // Gives the subscription a moment to join the live feed before the test writes.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

  it('delivers over WebSocket only what the subscriber may see, and resumes from a cursor', async () => {
    const client = wsClient(TEAM_A_TOKEN);
    const events = client.iterate<{ entityChanged: { cursor: string; ref: string; entity: { name: string } } }>({ query: SUBSCRIPTION });
    const first = events.next();
    await settle();
    feed.append('catalog', 'component:default/b'); // team-b's
    feed.append('cicd', 'component:default/a', 'PIPELINE_FAILED');
    const { value } = await first;
    expect(value?.data?.entityChanged).toMatchObject({ change: 'PIPELINE_FAILED', ref: 'component:default/a', entity: { name: 'a' } });
    await events.return?.();
    feed.append('catalog', 'component:default/a', 'UPDATED');
    feed.append('catalog', 'component:default/b', 'UPDATED');
    feed.append('catalog', 'component:default/a', 'DELETED');
    feed.append('catalog', 'component:default/a', 'CREATED');
    const resumed = client.iterate<{ entityChanged: { change: string } }>({ query: SUBSCRIPTION, variables: { after: value?.data?.entityChanged.cursor } });
    const changes = [(await resumed.next()).value?.data?.entityChanged.change, (await resumed.next()).value?.data?.entityChanged.change];
    // team-b's UPDATED is not among them; the fake catalog still holds a, so its DELETED is visible.
    expect(changes).toEqual(['UPDATED', 'DELETED']);
    await resumed.return?.();
  });

  it('delivers the same events over SSE', async () => {
    const client = createSseClient({ url: `http://127.0.0.1:${gateway.port}/graphql/stream`, headers: { authorization: `Bearer ${TEAM_B_TOKEN}` }, retryAttempts: 0 });
    const events = client.iterate<{ entityChanged: { ref: string; entity: { owner: string } } }>({ query: SUBSCRIPTION });
    const first = events.next();
    await settle();
    feed.append('catalog', 'component:default/a');
    feed.append('catalog', 'component:default/b');
    expect((await first).value?.data?.entityChanged).toMatchObject({ ref: 'component:default/b', entity: { owner: 'group:default/team-b' } });
    await events.return?.();
    client.dispose();
  });

  it('refuses a caller without credentials in production, over both transports', async () => {
    const closed = new Promise<{ code: number }>((resolve) => {
      const client = wsClient(undefined, resolve);
      void client.iterate({ query: SUBSCRIPTION }).next().catch(() => undefined);
    });
    expect((await closed).code).toBe(4403);
    const response = await fetch(`http://127.0.0.1:${gateway.port}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: SUBSCRIPTION }),
    });
    expect(response.status).toBe(401);
    const upgrade = new WebSocket(wsUrl(), 'graphql-transport-ws', { headers: { authorization: 'Bearer not-a-known-token-at-all' } });
    const status = await new Promise((resolve) => upgrade.on('unexpected-response', (_request, answer) => resolve(answer.statusCode)));
    expect(status).toBe(401);
  });

  it('answers bad input with errors: a malformed cursor, a query on the subscription path, an invalid selection', async () => {
    const client = wsClient(TEAM_A_TOKEN);
    const failure = (query: string, variables?: Record<string, unknown>) =>
      client
        .iterate({ query, variables })
        .next()
        .then(
          (result) => JSON.stringify(result.value?.errors ?? result.value),
          (error: unknown) => JSON.stringify(error),
        );
    expect(await failure(SUBSCRIPTION, { after: 'not-a-cursor' })).toContain('is not a change-feed cursor');
    expect(await failure('{ entitiesByRefs(refs: ["component:default/a"]) { ref } }')).toContain('Only subscriptions are served here');
    expect(await failure('subscription { entityChanged { nope } }')).toContain('Cannot query field');
  });

  it('limits subscriptions per connection and per caller', async () => {
    const attempt = (client: Client) => {
      const events = client.iterate({ query: SUBSCRIPTION });
      return { events, outcome: Promise.race([events.next().then(() => 'event', (error: unknown) => JSON.stringify(error)), settle().then(() => 'open')]) };
    };
    const one = wsClient(TEAM_A_TOKEN);
    const opened = [attempt(one), attempt(one)];
    const third = attempt(one);
    expect(await third.outcome).toContain('at most 2 per connection');
    expect(await Promise.all(opened.map((open) => open.outcome))).toEqual(['open', 'open']);
    const two = wsClient(TEAM_A_TOKEN);
    const fourth = attempt(two);
    expect(await fourth.outcome).toBe('open');
    expect(await attempt(two).outcome).toContain('at most 3 per caller');
    // Another caller is not affected.
    const other = attempt(wsClient(TEAM_B_TOKEN));
    expect(await other.outcome).toBe('open');
    for (const open of [...opened, fourth, other]) await open.events.return?.();
  });
});
