import type { PrismaClient } from '../../../prisma/catalog/generated/client';
import type { LocationRecord } from '../data/locationRecord';
import { refreshStatistics, STATISTICS_AFTER_ROWS } from '../data/refreshStatistics';
import { replaceLocationEntities, type OrphanPolicy } from '../data/replaceLocationEntities';
import { saveLocationErrors } from '../data/saveLocationErrors';
import type { KindRules } from '../model/validation/kinds/validateKind';
import { streamLocation, type Problem } from './readLocation';
import { ReadProgressLog, type LocationReadProgress } from './readProgress';
import type { SourceReader } from './sourceReader';

export interface IngestOptions {
  reader: SourceReader;
  /** Which kinds and schemas validation applies (see KindRules). */
  kindRules?: KindRules;
  orphans: OrphanPolicy;
  log: (line: string) => void;
  /** Where the read reports how far it got (Query.ingestionProgress). */
  progress?: ReadProgressLog;
}

/** Long reads say how far they got this often; short ones stay quiet. */
const PROGRESS_EVERY_MS = 3_000;

/**
 * Reads one location and stores what it holds, writing while it reads (one transaction),
 * then records the read's problems. Files unchanged since a read that stored them whole
 * are not parsed again.
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
  );
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
