import path from 'node:path';
import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import type { LocationRecord } from '../data/locationRecord';
import { replaceLocationEntities } from '../data/replaceLocationEntities';
import { saveLocationErrors } from '../data/saveLocationErrors';
import { readLocation, type Problem, type SourcedEntity } from './readLocation';

export interface CatalogIngestion {
  /** Registers a file location (a path or glob) if new, and reads it now. */
  registerLocation(target: string): Promise<LocationRecord>;
  /** Resolves when no ingestion is running: shutdown waits here so nothing is half-written. */
  idle(): Promise<void>;
}

/**
 * Ingestion runs one location at a time, in a queue: two reads of the same catalog never
 * race, and stopping waits for the one in flight.
 */
export function createCatalogIngestion(prisma: PrismaClient, log: (line: string) => void): CatalogIngestion {
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    registerLocation: (target) =>
      enqueue(async () => {
        const absolute = path.resolve(target);
        const location = await prisma.location.upsert({
          where: { target: absolute },
          create: { type: 'file', target: absolute },
          update: {},
        });
        await ingest(prisma, location, log);
        return prisma.location.findUniqueOrThrow({ where: { id: location.id } });
      }),
    idle: () => queue.then(() => undefined),
  };
}

async function ingest(prisma: PrismaClient, location: LocationRecord, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const contents = await readLocation(location.target);
  const { unique, duplicates } = firstOfEachRef(contents.entities);
  const result = await replaceLocationEntities(prisma, location.id, unique);
  const problems = [...contents.problems, ...duplicates, ...result.conflicts];
  await saveLocationErrors(prisma, location.id, problems);
  log(
    `catalog: ${location.target}: ${unique.length} entities (${result.written} written, ${result.unchanged} unchanged, ` +
      `${result.removed} removed), ${problems.length} problems, ${Date.now() - started} ms`,
  );
}

/** The same entity twice in one location: the first stays, the second is a problem. */
function firstOfEachRef(entities: SourcedEntity[]) {
  const seen = new Set<string>();
  const unique: SourcedEntity[] = [];
  const duplicates: Problem[] = [];
  for (const entity of entities) {
    if (seen.has(entity.ref)) {
      duplicates.push({ file: entity.file, entityRef: entity.ref, message: `Entity ${entity.ref} is defined more than once; the first definition is kept` });
    } else {
      seen.add(entity.ref);
      unique.push(entity);
    }
  }
  return { unique, duplicates };
}
