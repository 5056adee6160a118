/**
 * Runs `work` over `items` with at most `limit` calls in flight, and hands each result to
 * `consume` in the order of `items` as soon as it and every result before it are done.
 * Results wait only for their turn, never for a whole batch: at most `limit` are held at
 * once. A failed call fails the whole, when its turn comes; calls still in flight then run
 * to their end, unobserved.
 */
export async function forEachConcurrently<Item, Result>(
  items: readonly Item[],
  limit: number,
  work: (item: Item) => Promise<Result>,
  consume: (result: Result) => Promise<void> | void,
): Promise<void> {
  const inFlight: Promise<Result>[] = [];
  let next = 0;
  const startNext = () => {
    const call = work(items[next++]);
    // Its failure is seen when its turn comes: until then it must not count as unhandled.
    call.catch(() => undefined);
    inFlight.push(call);
  };
  while (next < items.length && inFlight.length < Math.max(1, limit)) startNext();
  while (inFlight.length) {
    const result = await inFlight.shift()!;
    if (next < items.length) startNext();
    await consume(result);
  }
}
