import { messages, Mutex, PGlite, protocol, type DebugLevel } from '@electric-sql/pglite';
import { PgliteRuntime, PgliteThreadError, type PgliteThreadSettings, type RuntimeRequest } from './pgliteRuntime';

export { PgliteRuntime, PgliteThreadError, type PgliteThreadSettings } from './pgliteRuntime';

/** What the PGlite base class gives every client: query, exec and transaction over the protocol methods below. */
type PgliteBase = Pick<PGlite, 'query' | 'sql' | 'exec' | 'transaction' | 'describeQuery' | 'serializers' | 'parsers' | '_initArrayTypes' | 'refreshArrayTypes' | 'runExclusive'>;

/**
 * PGlite's own base class (query, exec, transaction, type parsers), which its package uses
 * for both its in-thread client and its browser worker client but does not export by name:
 * it is the parent of the `PGlite` class.
 */
const BasePGlite = Object.getPrototypeOf(PGlite) as abstract new () => PgliteBase;

/** How long close() waits for the statement in progress before it stops the thread. */
const DEFAULT_CLOSE_TIMEOUT_MS = 5_000;

/**
 * A PGlite database running in a worker thread (its own, or a PgliteRuntime's shared with
 * other databases). PGlite executes a statement synchronously in WebAssembly, so on the
 * calling thread one slow statement would stop every request, the gateway and /healthz
 * included; here it costs only the callers of the databases in its thread. The client
 * has PGlite's API (it is built on PGlite's own base class); the thread runs protocol
 * messages and sends back PostgreSQL's raw answer, which is parsed here, where the type
 * parsers are. No LISTEN, no blobs (COPY to files).
 */
export class PgliteThread extends BasePGlite {
  readonly debug: DebugLevel = 0;
  readonly waitReady: Promise<void>;
  /** The thread has opened the database (waitReady also waits for the array types). */
  #opened: Promise<unknown>;
  #runtime: PgliteRuntime;
  #database: number;
  #queryLock = new Mutex();
  #transactionLock = new Mutex();
  #closed = false;

  private constructor(dataDir: string | undefined, settings: PgliteThreadSettings, runtime: PgliteRuntime) {
    super();
    this.#runtime = runtime;
    this.#database = runtime.newDatabase();
    // Requests are answered in order: the first waits for the thread to open the database.
    this.#opened = this.#call({ op: 'open', dataDir, settings });
    // Its array types are read like PGlite's.
    this.waitReady = this.#opened.then(() => this._initArrayTypes());
  }

  /**
   * Opens the database (a data directory, or nothing for one in memory) in `runtime`'s
   * thread, or in a new thread of its own.
   */
  static async open(dataDir: string | undefined, settings: PgliteThreadSettings = {}, runtime = new PgliteRuntime()): Promise<PgliteThread> {
    const db = new PgliteThread(dataDir, settings, runtime);
    try {
      await db.waitReady;
    } catch (error) {
      await runtime.release(db.#database);
      throw error;
    }
    return db;
  }

  get closed(): boolean {
    return this.#closed;
  }

  #call(request: RuntimeRequest): Promise<Uint8Array | undefined> {
    return this.#runtime.call(this.#database, request);
  }

  async execProtocolRaw(message: Uint8Array, { syncToFs = true }: { syncToFs?: boolean } = {}): Promise<Uint8Array> {
    return (await this.#call({ op: 'raw', message, syncToFs })) ?? new Uint8Array(0);
  }

  async execProtocolRawStream(message: Uint8Array, { syncToFs = true, onRawData }: { syncToFs?: boolean; onRawData: (data: Uint8Array) => void }): Promise<void> {
    onRawData(await this.execProtocolRaw(message, { syncToFs }));
  }

  /** As PGlite's: the answer's messages, and its first error thrown unless `throwOnError` is false. */
  async execProtocol(
    message: Uint8Array,
    { syncToFs = true, throwOnError = true }: { syncToFs?: boolean; throwOnError?: boolean } = {},
  ): Promise<{ messages: messages.BackendMessage[]; data: Uint8Array }> {
    const data = await this.execProtocolRaw(message, { syncToFs });
    const answers: messages.BackendMessage[] = [];
    let databaseError: messages.DatabaseError | undefined;
    new protocol.Parser().parse(data, (parsed) => {
      if (parsed instanceof messages.DatabaseError) databaseError ??= parsed;
      // Notices and notifications are dropped, as PGlite drops them without debug or LISTEN.
      else if (!(parsed instanceof messages.NoticeMessage) && !(parsed instanceof messages.NotificationResponseMessage)) answers.push(parsed);
    });
    if (throwOnError && databaseError) throw databaseError;
    return { messages: answers, data };
  }

  async execProtocolStream(message: Uint8Array, options: { syncToFs?: boolean; throwOnError?: boolean } = {}): Promise<messages.BackendMessage[]> {
    return (await this.execProtocol(message, options)).messages;
  }

  async syncToFs(): Promise<void> {
    await this.#call({ op: 'sync' });
  }

  async _checkReady(): Promise<void> {
    if (this.#closed) throw new PgliteThreadError('The database is closed');
    await this.#opened;
  }

  _runExclusiveQuery<T>(work: () => Promise<T>): Promise<T> {
    return this.#queryLock.runExclusive(work);
  }

  _runExclusiveTransaction<T>(work: () => Promise<T>): Promise<T> {
    return this.#transactionLock.runExclusive(work);
  }

  async _handleBlob(blob?: Blob): Promise<void> {
    if (blob) throw new PgliteThreadError('A PGlite thread does not take files (blob)');
  }

  async _getWrittenBlob(): Promise<undefined> {
    return undefined;
  }

  async _cleanupBlob(): Promise<void> {}

  async listen(): Promise<never> {
    throw new PgliteThreadError('A PGlite thread does not LISTEN');
  }

  /**
   * Closes the database after the work queued before it, so that PGlite flushes its files;
   * a statement that runs past `timeoutMs` is not waited for: the thread is stopped (as a
   * crash would, which PostgreSQL recovers from at the next open), so that shutdown
   * always ends.
   */
  async close(timeoutMs = DEFAULT_CLOSE_TIMEOUT_MS): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    let timer: NodeJS.Timeout | undefined;
    const flushed = this._runExclusiveTransaction(() => this._runExclusiveQuery(() => this.#call({ op: 'close' })));
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    try {
      const outcome = await Promise.race([flushed.catch(() => undefined), late]);
      // A statement still running cannot be cut in its thread: the thread is stopped, with
      // every database in it (a runtime shared by databases stopping together, at shutdown).
      if (outcome === 'late') await this.#runtime.terminate();
    } finally {
      clearTimeout(timer);
      await this.#runtime.release(this.#database);
    }
  }
}
