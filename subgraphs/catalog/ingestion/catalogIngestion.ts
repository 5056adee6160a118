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

export interface CatalogIngestionOptions {
  reader: SourceReader;
  /** Which kinds and schemas validation applies (see KindRules). */
  kindRules?: KindRules;
  orphans: OrphanPolicy;
  log: (line: string) => void;
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
  apply(yaml: string, dryRun: boolean, mayReplace?: ReplaceCheck): Promise<ApplyOutcome>;
  /** Removes one entity (one a location provides comes back at its next refresh). */
  removeEntity(ref: string): Promise<boolean>;
  /** Re-reads every location every `intervalMs`; returns a function that stops it. */
  refreshEvery(intervalMs: number): () => void;
  /** The read running and the last ones finished, newest first (Query.ingestionProgress). */
  progress(): LocationReadProgress[];
  /** Resolves when no ingestion is running: shutdown waits here so nothing is half-written. */
  idle(): Promise<void>;
}

/**
 * Ingestion runs one piece of work at a time, in a queue: two reads of one catalog
 * never race, writes through the graph wait their turn, and stopping waits for the
 * work in flight.
 */
export function createCatalogIngestion(prisma: PrismaClient, options: CatalogIngestionOptions): CatalogIngestion {
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const progress = new ReadProgressLog();
  const ingestOptions = { ...options, progress };
  const refresh = async (location: LocationRecord) => {
    await ingest(prisma, location, ingestOptions);
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
        const locations = await prisma.location.findMany({ where: { NOT: { type: 'direct' } }, orderBy: { createdAt: 'asc' } });
        for (const location of locations) await ingest(prisma, location, ingestOptions);
      }),
    unregisterLocation: (id) => enqueue(() => deleteLocation(prisma, id)),
    apply: (yaml, dryRun, mayReplace) => enqueue(() => applyDescriptors(prisma, yaml, dryRun, mayReplace, options.kindRules)),
    removeEntity: (ref) => enqueue(() => deleteEntity(prisma, ref)),
    refreshEvery: (intervalMs) => {
      const timer = setInterval(() => {
        ingestion.refreshAll().catch((error) => options.log(`catalog: periodic refresh failed: ${error}`));
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    progress: () => progress.list(),
    idle: () => queue.then(() => undefined),
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
