import { parse, type ExecutionResult } from 'graphql';
import { FeedHub } from './FeedHub';
import { subscribeEntityChanged, type SubscriptionContext } from './subscribeEntityChanged';
import { MemoryEventFeed } from './testing/MemoryEventFeed';
import { testGraph, testSchema, type TestEntity } from './testing/testGraph';

const selection = `
  subscription ($after: String, $filter: EntityFilter) {
    entityChanged(after: $after, filter: $filter) {
      cursor change source ref fields
      entity { ...Owner name lifecycle }
      renamed: entity { title: name }
    }
  }
  fragment Owner on Entity { owner ... on Component { __typename } }`;

function setUp(options: { maxQueuedEvents?: number; maxStallMs?: number } = {}) {
  const feed = new MemoryEventFeed();
  const hub = new FeedHub({ feed, pageSize: 10, pollIntervalMs: 60_000, log: () => undefined });
  const entities = new Map<string, TestEntity>();
  for (const [name, owner] of [['a', 'team-a'], ['b', 'team-a'], ['c', 'team-b']]) {
    entities.set(`component:default/${name}`, { ref: `component:default/${name}`, name, owner, lifecycle: 'production' });
  }
  const graph = testGraph(entities);
  const execute = subscribeEntityChanged({ hub, feed, batchSize: 10, maxQueuedEvents: options.maxQueuedEvents ?? 100, maxStallMs: options.maxStallMs ?? 10_000 });
  const open = async (viewer: () => string, variables: Record<string, unknown> = {}, context: Partial<SubscriptionContext> = {}) => {
    const result = await execute({ schema: testSchema, document: parse(selection), variableValues: variables, contextValue: { run: graph.runAs(viewer), ...context } });
    if (!(Symbol.asyncIterator in result)) throw new Error(`Not a stream: ${JSON.stringify(result.errors)}`);
    return result;
  };
  return { feed, hub, entities, graph, execute, open };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the result's shape freely
type Result = ExecutionResult<Record<string, any>>;

async function take(stream: AsyncGenerator<ExecutionResult>, count: number): Promise<Result[]> {
  const results: Result[] = [];
  while (results.length < count) {
    const next = await stream.next();
    if (next.done) break;
    results.push(next.value as Result);
  }
  return results;
}

describe('subscribeEntityChanged', () => {
  it('delivers live changes with their entity selections, aliases and fragments included', async () => {
    const { feed, open } = setUp();
    const stream = await open(() => 'team-a');
    const first = stream.next();
    await new Promise((resolve) => setImmediate(resolve));
    feed.append('catalog', 'component:default/a', 'UPDATED', ['spec.lifecycle']);
    const { value } = await first;
    expect(value).toEqual({
      data: {
        entityChanged: {
          cursor: expect.any(String),
          change: 'UPDATED',
          source: 'catalog',
          ref: 'component:default/a',
          fields: ['spec.lifecycle'],
          entity: { owner: 'team-a', __typename: 'Component', name: 'a', lifecycle: 'production' },
          renamed: { title: 'a' },
        },
      },
    });
    await stream.return(undefined);
  });

  it('never delivers a hidden entity, and reads permissions afresh for every batch', async () => {
    const { feed, entities, open } = setUp();
    const stream = await open(() => 'team-a');
    const results = take(stream, 3);
    await new Promise((resolve) => setImmediate(resolve));
    feed.append('catalog', 'component:default/c'); // team-b's: dropped
    feed.append('cicd', 'component:default/a', 'PIPELINE_FAILED');
    await new Promise((resolve) => setTimeout(resolve, 20));
    entities.get('component:default/c')!.owner = 'team-a'; // now it is team-a's
    feed.append('catalog', 'component:default/c');
    entities.get('component:default/a')!.owner = 'team-b'; // and a is not
    feed.append('catalog', 'component:default/a');
    feed.append('catalog', 'component:default/b');
    const refs = (await results).map((result) => `${result.data?.entityChanged.source} ${result.data?.entityChanged.ref}`);
    expect(refs).toEqual(['cicd component:default/a', 'catalog component:default/c', 'catalog component:default/b']);
    await stream.return(undefined);
  });

  it('applies the filter through the catalog', async () => {
    const { feed, open } = setUp();
    const stream = await open(() => 'team-a', { filter: { field: [{ field: 'ref', values: ['component:default/b'] }] } });
    const results = take(stream, 1);
    await new Promise((resolve) => setImmediate(resolve));
    feed.append('catalog', 'component:default/a');
    feed.append('catalog', 'component:default/b');
    expect((await results).map((result) => result.data?.entityChanged.ref)).toEqual(['component:default/b']);
    await stream.return(undefined);
  });

  it('resumes from a cursor with exactly the events missed, while events keep arriving', async () => {
    const { feed, open } = setUp();
    const first = await open(() => 'team-a');
    const pending = first.next();
    await new Promise((resolve) => setImmediate(resolve));
    feed.append('catalog', 'component:default/a', 'UPDATED', ['one']);
    const cursor = ((await pending).value as Result).data?.entityChanged.cursor as string;
    await first.return(undefined);
    // Missed: 25 events (several pages of 10), across two sources.
    for (let i = 0; i < 25; i += 1) feed.append(i % 3 === 0 ? 'cicd' : 'catalog', 'component:default/b', 'UPDATED', [`missed-${i}`]);
    const resumed = await open(() => 'team-a', { after: cursor });
    const results = take(resumed, 30);
    // Five more while it catches up: each exactly once.
    for (let i = 0; i < 5; i += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      feed.append('catalog', 'component:default/b', 'UPDATED', [`live-${i}`]);
    }
    const fields = (await results).map((result) => result.data?.entityChanged.fields[0]);
    expect(fields).toEqual([...Array.from({ length: 25 }, (_, i) => `missed-${i}`), ...Array.from({ length: 5 }, (_, i) => `live-${i}`)]);
    await resumed.return(undefined);
  });

  it('resolves a batch of events with one query', async () => {
    const { feed, graph, open } = setUp();
    const cursor = await feed.head();
    for (let i = 0; i < 10; i += 1) feed.append('catalog', i % 2 ? 'component:default/a' : 'component:default/b');
    const before = graph.counter.queries;
    const stream = await open(() => 'team-a', { after: cursor });
    expect(await take(stream, 10)).toHaveLength(10);
    expect(graph.counter.queries - before).toBe(1);
    await stream.return(undefined);
  });

  it('refuses a malformed cursor as bad input', async () => {
    const { execute } = setUp();
    for (const after of ['not a cursor!', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"catalog":-2}').toString('base64url'), 'x'.repeat(5000)]) {
      const result = await execute({ schema: testSchema, document: parse(selection), variableValues: { after }, contextValue: { run: async () => ({}) } });
      expect(Symbol.asyncIterator in result).toBe(false);
      expect((result as ExecutionResult).errors?.[0]).toMatchObject({ message: expect.stringContaining('is not a change-feed cursor'), extensions: { code: 'BAD_USER_INPUT' } });
    }
  });

  it('cuts off a subscriber that does not read, with a reason, holding at most its queue', async () => {
    const { feed, hub, open } = setUp({ maxQueuedEvents: 5, maxStallMs: 10 });
    const reasons: string[] = [];
    const stream = await open(() => 'team-a', {}, { disconnect: (reason) => reasons.push(reason) });
    const first = stream.next();
    await new Promise((resolve) => setImmediate(resolve));
    feed.append('catalog', 'component:default/a');
    await first;
    // It stops reading: the queue fills, and one more event after the stall limit cuts it off.
    for (let i = 0; i < 5; i += 1) feed.append('catalog', 'component:default/a');
    await new Promise((resolve) => setTimeout(resolve, 30));
    for (let i = 0; i < 15; i += 1) feed.append('catalog', 'component:default/a');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hub.subscriberCount).toBe(0);
    const rest = await take(stream, 10);
    const last = rest[rest.length - 1];
    expect(last.errors?.[0].extensions?.code).toBe('SLOW_CONSUMER');
    expect(reasons[0]).toMatch(/too slow/);
    expect((await stream.next()).done).toBe(true);
  });

  it('lets a subscriber that is reading, only slower than a burst, catch up from the feed with nothing lost', async () => {
    const { feed, hub, open } = setUp({ maxQueuedEvents: 5 });
    const stream = await open(() => 'team-a');
    const first = stream.next();
    await new Promise((resolve) => setImmediate(resolve));
    feed.append('catalog', 'component:default/a', 'UPDATED', ['0']);
    await first;
    for (let i = 1; i <= 40; i += 1) feed.append('catalog', 'component:default/a', 'UPDATED', [String(i)]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hub.subscriberCount).toBe(0); // it left the hub: no queue held
    const rest = await take(stream, 40);
    expect(rest.map((result) => result.data?.entityChanged.fields[0])).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    // Caught up, it follows the live feed again.
    const next = stream.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    feed.append('catalog', 'component:default/a', 'UPDATED', ['live again']);
    expect(((await next).value as Result).data?.entityChanged.fields).toEqual(['live again']);
    await stream.return(undefined);
  });
});
