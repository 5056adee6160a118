import { describeEachDatabase } from '../../../../kit/testing';
import { useEmptyCatalog } from '../../useEmptyCatalog';
import { createClaimedReads } from './claimedReads';
import { claimDueLocation, claimLocation, readBacklog, releaseLocation, renewLease, trackLocation, type LeaseTerms } from './locationReadState';

const terms = (replica: string, leaseMs = 60_000): LeaseTerms => ({ replica, leaseMs, backoffMs: 1_000, maxBackoffMs: 8_000 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Several replicas share one database: each due location must be read by exactly one of them.
describeEachDatabase('claiming location reads', (kind) => {
  const empty = useEmptyCatalog(kind);
  const prisma = () => empty.catalog.services.prisma;
  let count = 0;
  const newLocations = async (n: number) => {
    const ids: string[] = [];
    for (let index = 0; index < n; index++) {
      const location = await prisma().location.create({ data: { type: 'file', target: `/claims/${count++}.yaml` } });
      await trackLocation(prisma(), location.id, true);
      ids.push(location.id);
    }
    return ids;
  };
  const state = (id: string) => prisma().locationReadState.findUniqueOrThrow({ where: { locationId: id } });

  afterEach(() => prisma().location.deleteMany({ where: { target: { startsWith: '/claims/' } } }));

  it('gives each due location to exactly one of many claims made at once', async () => {
    const ids = await newLocations(6);
    const claims = await Promise.all(Array.from({ length: 12 }, (_, index) => claimDueLocation(prisma(), terms(`replica-${index % 2}`))));
    const claimed = claims.filter((claim) => claim !== null).map((claim) => claim!.locationId);
    expect(claimed.sort()).toEqual([...ids].sort());
    expect(await claimDueLocation(prisma(), terms('replica-late'))).toBeNull();
    expect(await readBacklog(prisma())).toMatchObject({ due: 0, reading: 6 });
  });

  it('lets another replica take a read over once the reader stops renewing its lease', async () => {
    const [id] = await newLocations(1);
    const reader = terms('reader', 300);
    expect(await claimDueLocation(prisma(), reader)).toMatchObject({ locationId: id, attempts: 1, tookOverFrom: null });
    expect(await claimLocation(prisma(), id, terms('other'))).toBeNull();
    expect(await renewLease(prisma(), id, reader)).toBe(true);
    await sleep(700);
    // The backoff (1 s after a first attempt) keeps it from the due queue a little longer; a read asked for takes it now.
    const other = terms('other');
    expect(await claimLocation(prisma(), id, other)).toMatchObject({ locationId: id, attempts: 2, tookOverFrom: 'reader' });
    expect(await renewLease(prisma(), id, reader)).toBe(false);
    // The dead reader coming back changes nothing.
    await releaseLocation(prisma(), id, reader, { nextInMs: 1 });
    expect(await state(id)).toMatchObject({ claimedBy: 'other', attempts: 2 });
    await releaseLocation(prisma(), id, other, { nextInMs: 60_000 });
    expect(await state(id)).toMatchObject({ claimedBy: null, leaseUntil: null, attempts: 0, lastError: null });
    expect(await claimDueLocation(prisma(), other)).toBeNull();
  });

  it('backs off longer after each failed read, and forgets the failures after a good one', async () => {
    const [id] = await newLocations(1);
    const replica = terms('replica');
    const dueIn = async () => (await state(id)).nextReadAt.getTime() - (await prisma().$queryRaw<{ now: Date }[]>`SELECT (now() AT TIME ZONE 'UTC') AS now`)[0].now.getTime();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await claimLocation(prisma(), id, replica)).toMatchObject({ attempts: attempt });
      await releaseLocation(prisma(), id, replica, { error: `unreachable ${attempt}` });
      waits.push(await dueIn());
    }
    // 1, 2, 4, 8 seconds, then capped at 8 (the clock moves a little between statements).
    expect(waits.map((ms) => Math.round(ms / 1000))).toEqual([1, 2, 4, 8, 8]);
    expect(await state(id)).toMatchObject({ lastError: 'unreachable 5', claimedBy: null });
    expect(await claimDueLocation(prisma(), replica)).toBeNull();
    await claimLocation(prisma(), id, replica);
    await releaseLocation(prisma(), id, replica, { nextInMs: 30_000 });
    expect(await state(id)).toMatchObject({ attempts: 0, lastError: null });
    expect(Math.round((await dueIn()) / 1000)).toBe(30);
  });

  it('reads through claims: a failure is recorded, and a read asked for waits for the other replica', async () => {
    const [id] = await newLocations(1);
    const log: string[] = [];
    const failing = createClaimedReads(prisma(), { intervalMs: 60_000, replica: 'failing' }, async () => {
      throw new Error('source unreachable');
    }, (line) => log.push(line));
    await expect(failing.readNow(id)).rejects.toThrow('source unreachable');
    expect(failing.counts).toMatchObject({ failed: 1, finished: 0 });
    expect(await state(id)).toMatchObject({ lastError: 'source unreachable', claimedBy: null, attempts: 1 });

    const order: string[] = [];
    let release!: () => void;
    const slow = createClaimedReads(prisma(), { intervalMs: 60_000, replica: 'slow', leaseMs: 150 }, async () => {
      order.push('slow started');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('slow done');
      return { sourceStamp: null };
    }, (line) => log.push(line));
    const fast = createClaimedReads(prisma(), { intervalMs: 60_000, replica: 'fast' }, async () => {
      order.push('fast read');
      return { sourceStamp: null };
    }, (line) => log.push(line));
    const slowRead = slow.readNow(id);
    while (!order.length) await sleep(20);
    const fastRead = fast.readNow(id);
    // Longer than the slow reader's lease: its heartbeat keeps the claim.
    await sleep(600);
    expect(order).toEqual(['slow started']);
    release();
    await Promise.all([slowRead, fastRead]);
    expect(order).toEqual(['slow started', 'slow done', 'fast read']);
    expect(slow.counts.finished + fast.counts.finished).toBe(2);
    expect(log.filter((line) => line.includes('lease'))).toEqual([]);
  });
});
