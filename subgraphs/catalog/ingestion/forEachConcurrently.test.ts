import { forEachConcurrently } from './forEachConcurrently';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('forEachConcurrently', () => {
  it('hands results over in the order of the items, however the calls finish, with at most `limit` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const consumed: number[] = [];
    const delays = [30, 5, 20, 1, 15, 2, 10, 3];
    await forEachConcurrently(
      delays.map((_, i) => i),
      3,
      async (i) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await tick(delays[i]);
        inFlight--;
        return i;
      },
      (i) => void consumed.push(i),
    );
    expect(consumed).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('holds no more than `limit` results waiting for their turn', async () => {
    const started: number[] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const run = forEachConcurrently(
      [0, 1, 2, 3, 4, 5],
      2,
      async (i) => {
        started.push(i);
        if (i === 0) await first;
        return i;
      },
      () => undefined,
    );
    await tick(10);
    // Item 1 is done, but waits for item 0: nothing else starts meanwhile.
    expect(started).toEqual([0, 1]);
    release();
    await run;
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('fails when the failed call comes to its turn, after the results before it, and leaves no rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const consumed: number[] = [];
      const run = forEachConcurrently(
        [0, 1, 2, 3],
        4,
        async (i) => {
          if (i === 2 || i === 3) throw new Error(`item ${i}`);
          await tick(10);
          return i;
        },
        (i) => void consumed.push(i),
      );
      await expect(run).rejects.toThrow('item 2');
      expect(consumed).toEqual([0, 1]);
      await tick(10);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
