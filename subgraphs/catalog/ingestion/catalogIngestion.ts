import path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import { InputError, NotFoundError } from '../../../kit';
import { deleteEntity } from '../data/deleteEntity';
import { deleteLocation } from '../data/deleteLocation';
import type { LocationRecord } from '../data/locationRecord';
import type { OrphanPolicy } from '../data/replaceLocationEntities';
import { applyDescriptors, type ApplyOutcome, type ReplaceCheck } from './applyDescriptors';
import { ingestLocation as ingest } from './ingestLocation';
import { ReadProgressLog, type LocationReadProgress } from './readProgress';
import type { KindRules } from '../model/validation/kinds/validateKind';
import { isUrl, type SourceReader } from './sourceReader';
import { createClaimedReads, type ClaimedReads, type ReadScheduleOptions } from './claims/claimedReads';
import { sourceStamp } from './claims/sourceStamp';

export interface CatalogIngestionOptions {
  reader: SourceReader;
  /** Which kinds and schemas validation applies (see KindRules). */
  kindRules?: KindRules;
  orphans: OrphanPolicy;
  log: (line: string) => void;
  /** Leases of reads claimed in the database, shared with other replicas (see ClaimedReads). */
  readSchedule?: Partial<ReadScheduleOptions>;
}

export interface CatalogIngestion {
  /** Registers a location (a file path, a glob or an http(s) URL) if new, and reads it now. */
  registerLocation(target: string): Promise<LocationRecord>;
  /** Reads one registered location again. */
  refreshLocation(id: string): Promise<LocationRecord>;
  /** Reads again the location that provides `ref`; null when no location provides it. */
  refreshEntity(ref: string): Promise<LocationRecord | null>;
  /** Reads every registered location again (the periodic refresh). */
  refreshAll(): Promise<void>;
  /** Removes a location and every entity it provided. */
  unregisterLocation(id: string): Promise<boolean>;
  /** Validates descriptor YAML and, unless `dryRun`, stores it at once (the direct write path). */
  apply(yaml: string, dryRun: boolean, mayReplace?: ReplaceCheck, expectedVersion?: string): Promise<ApplyOutcome>;
  /** Removes one entity (one a location provides comes back at its next refresh). */
  removeEntity(ref: string): Promise<boolean>;
  /** Re-reads every location every `intervalMs`; returns a function that stops it. */
  refreshEvery(intervalMs: number): () => void;
  /** The read running and the last ones finished, newest first (Query.ingestionProgress). */
  progress(): LocationReadProgress[];
  /** Resolves when no ingestion is running: shutdown waits here so nothing is half-written. */
  idle(): Promise<void>;
  /** This replica's claims on location reads, and what it read. */
  readonly reads: ClaimedReads;
}

/** Runs work one piece at a time, in the order it was asked for. */
function serialQueue() {
  let last: Promise<unknown> = Promise.resolve();
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const run = last.then(work, work);
      last = run.catch(() => undefined);
      return run;
    },
    idle: () => last.then(() => undefined),
  };
}

/**
 * Two queues. Location work (register, refresh, unregister) runs one at a time, so two
 * reads of one catalog never race. Every write transaction (a read's batch, its last
 * step, applyEntities, removeEntity) takes its turn in the write queue: a write through
 * the graph waits for the batch in flight, not for the whole read. A location job may
 * wait for the write queue; a write never waits for the location queue, so neither
 * blocks the other for good. Stopping waits for both. Across replicas, each read is
 * claimed in the database first (see ClaimedReads): one replica reads a location at a
 * time, and due reads are shared out.
 */
export function createCatalogIngestion(prisma: PrismaClient, options: CatalogIngestionOptions): CatalogIngestion {
  const locations = serialQueue();
  const writes = serialQueue();
  const enqueue = locations.run;
  const progress = new ReadProgressLog();
  const ingestOptions = { ...options, turn: writes.run, progress };
  const schedule: ReadScheduleOptions = { ...options.readSchedule, intervalMs: options.readSchedule?.intervalMs ?? 120_000 };
  const reads = createClaimedReads(
    prisma,
    schedule,
    async (id, previous) => {
      const location = await prisma.location.findUniqueOrThrow({ where: { id } });
      // Taken before the read: a change made while it runs is seen at the next due time.
      const stamp = await sourceStamp(prisma, location, options.reader).catch(() => null);
      if (previous.due && stamp !== null && stamp === previous.sourceStamp) return { skipped: true };
      await ingest(prisma, location, ingestOptions);
      return { sourceStamp: stamp };
    },
    options.log,
  );
  const refresh = async (location: LocationRecord) => {
    await reads.readNow(location.id);
    return prisma.location.findUniqueOrThrow({ where: { id: location.id } });
  };
  const ingestion: CatalogIngestion = {
    registerLocation: (target) =>
      enqueue(async () => {
        const normalized = normalizeTarget(target);
        const existing = await prisma.location.findUnique({ where: { target: normalized } });
        if (!existing) await checkReadable(normalized, options.reader);
        const location =
          existing ?? (await prisma.location.create({ data: { type: isUrl(normalized) ? 'url' : 'file', target: normalized } }));
        return refresh(location);
      }),
    refreshLocation: (id) =>
      enqueue(async () => {
        const location = await prisma.location.findUnique({ where: { id } });
        if (!location || location.type === 'direct') throw new NotFoundError(`No registered location with id ${id}`);
        return refresh(location);
      }),
    refreshEntity: (ref) =>
      enqueue(async () => {
        const entity = await prisma.entity.findUnique({ where: { ref }, select: { location: true } });
        if (!entity?.location || entity.location.type === 'direct') return null;
        return refresh(entity.location);
      }),
    refreshAll: () =>
      enqueue(async () => {
        const registered = await prisma.location.findMany({ where: { NOT: { type: 'direct' } }, orderBy: { createdAt: 'asc' } });
        // One location failing (its error is recorded on it) does not keep the others stale.
        for (const location of registered) {
          await reads.readNow(location.id).catch((error) => options.log(`catalog: reading ${location.target} failed: ${error}`));
        }
      }),
    unregisterLocation: (id) => enqueue(() => writes.run(() => deleteLocation(prisma, id))),
    apply: (yaml, dryRun, mayReplace, expectedVersion) =>
      writes.run(() => applyDescriptors(prisma, yaml, dryRun, mayReplace, options.kindRules, expectedVersion)),
    removeEntity: (ref) => writes.run(() => deleteEntity(prisma, ref)),
    refreshEvery: (intervalMs) => {
      schedule.intervalMs = intervalMs;
      // Each replica looks for due reads this often (a small indexed query), at its own
      // jittered pace; the due times themselves spread the reads.
      const pollMs = Math.min(intervalMs, 5_000);
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      const poll = async () => {
        try {
          await reads.refreshBacklog();
          while (!stopped && (await enqueue(() => reads.readNextDue())));
        } catch (error) {
          options.log(`catalog: a periodic read failed (retried with backoff): ${error instanceof Error ? error.message : String(error)}`);
        }
        if (!stopped) timer = setTimeout(poll, pollMs * (0.5 + Math.random())).unref();
      };
      timer = setTimeout(poll, pollMs * (0.5 + Math.random())).unref();
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
    progress: () => progress.list(),
    idle: async () => {
      await locations.idle();
      await writes.idle();
    },
    reads,
  };
  return ingestion;
}

function normalizeTarget(target: string): string {
  const trimmed = target.trim();
  if (!trimmed) throw new InputError('A location target must not be empty');
  return isUrl(trimmed) ? trimmed : path.resolve(trimmed);
}

/**
 * A new location must be readable now (a glob: under the roots); one already registered
 * keeps its last good state instead.
 */
async function checkReadable(target: string, reader: SourceReader): Promise<void> {
  try {
    if (!isUrl(target) && isDynamicPattern(target)) await reader.list(target);
    else await reader.read(target);
  } catch (error) {
    throw new InputError(`Cannot register ${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
