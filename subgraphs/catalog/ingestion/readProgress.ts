/** How far one read of a location got: served by `Query.ingestionProgress` and written in the log. */
export interface LocationReadProgress {
  target: string;
  state: 'READING' | 'DONE' | 'FAILED';
  filesRead: number;
  /** Files found so far: a glob's matches and Location targets; grows while Locations name more. */
  filesFound: number;
  entitiesRead: number;
  /** Entities written to the database so far (the read commits them all at its end). */
  entitiesWritten: number;
  startedAt: Date;
  finishedAt: Date | null;
}

/** Reads kept once finished: enough to see the last refresh of each of a few locations. */
const FINISHED_KEPT = 20;

/**
 * The catalog's reads, the one running and the last ones finished, newest first. Held in
 * memory only: it says what this process is doing, not what the catalog holds.
 */
export class ReadProgressLog {
  #reads: LocationReadProgress[] = [];

  /** A new read of `target`, listed first; the caller updates it as the read goes. */
  start(target: string): LocationReadProgress {
    const read: LocationReadProgress = {
      target,
      state: 'READING',
      filesRead: 0,
      filesFound: 0,
      entitiesRead: 0,
      entitiesWritten: 0,
      startedAt: new Date(),
      finishedAt: null,
    };
    this.#reads.unshift(read);
    const finished = this.#reads.filter((candidate) => candidate.state !== 'READING');
    if (finished.length > FINISHED_KEPT) {
      const dropped = new Set(finished.slice(FINISHED_KEPT));
      this.#reads = this.#reads.filter((candidate) => !dropped.has(candidate));
    }
    return read;
  }

  finish(read: LocationReadProgress, state: 'DONE' | 'FAILED'): void {
    read.state = state;
    read.finishedAt = new Date();
  }

  /** Copies, newest first, so a caller cannot change the log. */
  list(): LocationReadProgress[] {
    return this.#reads.map((read) => ({ ...read }));
  }
}
