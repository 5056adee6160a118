import type { FeedEvent } from './EventFeed';
import { FeedHub } from './FeedHub';
import { SubscriberStream } from './SubscriberStream';
import { MemoryEventFeed } from './testing/MemoryEventFeed';

describe('SubscriberStream', () => {
  it('hands over from catching up to live without repeating an event the hub also delivered', async () => {
    const feed = new MemoryEventFeed();
    const hub = new FeedHub({ feed, pageSize: 10, pollIntervalMs: 60_000, log: () => undefined });
    const start = await feed.head();
    feed.append('catalog', 'component:default/a', 'UPDATED', ['missed']);
    // The stream's read right after joining the hub: a write lands, the hub fans it out, and the read returns it too.
    let reads = 0;
    const streamFeed = Object.assign(Object.create(feed) as MemoryEventFeed, {
      read: async (cursor: string, limit: number) => {
        reads += 1;
        if (reads === 2) {
          feed.append('catalog', 'component:default/a', 'UPDATED', ['during the hand-over']);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return feed.read(cursor, limit);
      },
    });
    const stream = new SubscriberStream({ hub, feed: streamFeed, pageSize: 10, maxQueuedEvents: 100, maxStallMs: 10_000 }, start);
    const batches = stream.batches();
    const seen: FeedEvent[] = [];
    seen.push(...(await batches.next()).value!);
    seen.push(...(await batches.next()).value!);
    feed.append('catalog', 'component:default/a', 'UPDATED', ['live']);
    seen.push(...(await batches.next()).value!);
    expect(seen.map((event) => event.fields[0])).toEqual(['missed', 'during the hand-over', 'live']);
    await batches.return(undefined);
    expect(hub.subscriberCount).toBe(0);
  });
});
