import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import type { LocationRecord } from '../data/locationRecord';
import { refreshStatistics, STATISTICS_AFTER_ROWS } from '../data/refreshStatistics';
import { BatchWriteError } from '../data/locationWrite';
import { replaceLocationEntities, type OrphanPolicy, type WriteTurn } from '../data/replaceLocationEntities';
import { saveLocationErrors } from '../data/saveLocationErrors';
import type { KindRules } from '../model/validation/kinds/validateKind';
import { streamLocation, type Problem } from './readLocation';
import type { SourceReader } from './sourceReader';
import { ReadProgressLog, type LocationReadProgress } from './readProgress';

export interface IngestOptions {
  reader: SourceReader;
  /** Which kinds and schemas validation applies (see KindRules). */
  kindRules?: KindRules;
  orphans: OrphanPolicy;
  log: (line: string) => void;
  /** When each write transaction of the read may run (see createCatalogIngestion); at once by default. */
  turn?: WriteTurn;
  /** Where the read reports how far it got (Query.ingestionProgress). */
  progress?: ReadProgressLog;
}

/** Long reads say how far they got this often; short ones stay quiet. */
const PROGRESS_EVERY_MS = 3_000;

/**
 * Reads one location and stores what it holds, writing while it reads (a transaction per
 * batch of whole files), then records the read's problems. Files unchanged since a read
 * that stored them whole are not parsed again. A batch that cannot be stored stops the
 * read: the files before it stay stored, and the location records why (then the error is
 * thrown on).
 */
export async function ingestLocation(prisma: PrismaClient, location: LocationRecord, options: IngestOptions): Promise<void> {
  const progressLog = options.progress ?? new ReadProgressLog();
  const progress = progressLog.start(location.target);
  try {
    await readAndStore(prisma, location, options, progress);
    progressLog.finish(progress, 'DONE');
  } catch (error) {
    progressLog.finish(progress, 'FAILED');
    throw error;
  }
}

async function readAndStore(prisma: PrismaClient, location: LocationRecord, options: IngestOptions, progress: LocationReadProgress): Promise<void> {
  const started = Date.now();
  let lastProgress = started;
  let files = 0;
  let entities = 0;
  let parsed = 0;
  const fileProblems: Problem[] = [];
  let targetProblems: Problem[] = [];
  const result = await replaceLocationEntities(
    prisma,
    location.id,
    async (write) => {
      const onFilesFound = (found: number) => void (progress.filesFound = found);
      const read = await streamLocation(location.target, { reader: options.reader, kindRules: options.kindRules, unchangedRefs: write.unchangedRefs, onFilesFound }, async (file) => {
        files++;
        entities += file.unchangedRefs?.length ?? file.entities.length;
        if (!file.unchangedRefs) parsed++;
        fileProblems.push(...file.problems);
        await write.add(file);
        Object.assign(progress, { filesRead: files, entitiesRead: entities, entitiesWritten: write.written });
        if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = Date.now();
        options.log(`catalog: reading ${location.target}: ${files} of ${progress.filesFound} files found so far, ${entities} entities, ${write.written} written`);
      });
      targetProblems = read.problems;
      // Orphans are only decided on a complete read: a file that failed may have pointed at the missing ones.
      return { complete: !targetProblems.length && !fileProblems.length };
    },
    options.orphans,
    new Date(),
    options.turn,
  ).catch(async (error: unknown) => {
    if (!(error instanceof BatchWriteError)) throw error;
    // The cause (a database error) goes to the log, not to whoever may read the location.
    options.log(`catalog: ${location.target}: ${error.message}`);
    const message = `The read stopped: ${error.files.length} file(s) from this one on could not be stored (see the server log); the files before it are stored`;
    const stopped = { file: error.files[0] ?? location.target, entityRef: null, message };
    await saveLocationErrors(prisma, location.id, [...targetProblems, ...fileProblems, stopped]);
    throw error;
  });
  progress.entitiesWritten = result.written;
  const problems = [...targetProblems, ...fileProblems, ...result.duplicates, ...result.conflicts];
  await saveLocationErrors(prisma, location.id, problems);
  const statisticsStarted = Date.now();
  if (result.written + result.removed >= STATISTICS_AFTER_ROWS) {
    // The read is committed: statistics only help the planner, so failing to refresh them
    // (VACUUM cut by the request statement limit on a busy server) must not fail the read.
    try {
      await refreshStatistics(prisma);
      options.log(`catalog: refreshed the planner's statistics after ${result.written + result.removed} changes (${Date.now() - statisticsStarted} ms)`);
    } catch (error) {
      options.log(`catalog: could not refresh the planner's statistics (${error instanceof Error ? error.message : String(error)}); the read stands, and PostgreSQL's autovacuum will refresh them`);
    }
  }
  options.log(
    `catalog: ${location.target}: ${files} files (${files - parsed} unchanged, not parsed), ${entities} entities ` +
      `(${result.written} written, ${result.unchanged} unchanged, ${result.orphaned} orphaned, ${result.removed} removed), ` +
      `${problems.length} problems, ${Date.now() - started} ms`,
  );
}
