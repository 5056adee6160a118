import { messages, Mutex, PGlite, protocol, type DebugLevel } from '@electric-sql/pglite';
import { PgliteRuntime, PgliteThreadError, type PgliteThreadSettings, type RuntimeRequest } from './pgliteRuntime';
import { statementLimitOf } from './statementLimitClient';

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
 * A statement stopped by the thread's time limit: PostgreSQL's SQLSTATE for a statement
 * cancelled by statement_timeout, so the kit reports it as it reports PostgreSQL's.
 */
export class PgliteStatementTimeoutError extends PgliteThreadError {
  readonly code = '57014';
}

export interface PgliteThreadOptions extends PgliteThreadSettings {
  /**
   * Longest a statement may run before it is stopped, as PostgreSQL's statement_timeout
   * (which PGlite takes but never enforces: a WebAssembly statement has no timer to
   * interrupt it). Stopping one means stopping its thread and opening the database again,
   * so it applies only to a database with a data directory (in memory there is nothing to
   * reopen) in a thread of its own (opened without a runtime): a runtime passed in may be
   * shared, and stopping it would end the other databases' statements and transactions.
   * A transaction lifts it with `SET LOCAL statement_timeout` (allowLongStatements), until
   * it ends. 0 or absent: none.
   */
  statementTimeoutMs?: number;
}

/**
 * The limit a `SET LOCAL statement_timeout` sets (ms; 0 for none), when one of the
 * statements a protocol message carries is one: the SQL of its Query ('Q') and Parse ('P')
 * messages, never their parameters or any text inside another statement.
 */
export function statementLimitIn(message: Uint8Array): number | undefined {
  const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  let limit: number | undefined;
  for (let offset = 0; offset + 5 <= bytes.length; ) {
    const type = bytes[offset];
    const end = offset + 1 + bytes.readInt32BE(offset + 1);
    if (end <= offset + 1 || end > bytes.length) break;
    let text = offset + 5;
    // Parse: the statement's name, then its SQL; Query: the SQL.
    if (type === 0x50) text = bytes.indexOf(0, text) + 1;
    if ((type === 0x50 || type === 0x51) && text > 0 && text < end) {
      const sql = bytes.toString('utf8', text, Math.max(text, bytes.indexOf(0, text)));
      limit = (sql.length < 200 ? statementLimitOf(sql) : undefined) ?? limit;
    }
    offset = end;
  }
  return limit;
}

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
  /** How a reopen after a runaway statement opens the database: never from the snapshot again (the directory exists now). */
  readonly #reopen: RuntimeRequest;
  /** The limit of statements outside a transaction that lifted it (see PgliteThreadOptions). */
  readonly #defaultLimitMs: number;
  #limitMs: number;
  #queryLock = new Mutex();
  #transactionLock = new Mutex();
  #closed = false;

  private constructor(dataDir: string | undefined, options: PgliteThreadOptions, runtime: PgliteRuntime, ownRuntime: boolean) {
    super();
    const { statementTimeoutMs, ...settings } = options;
    const { loadDataDir: _loaded, ...reopenSettings } = settings;
    this.#runtime = runtime;
    this.#database = runtime.newDatabase();
    this.#reopen = { op: 'open', dataDir, settings: reopenSettings };
    this.#defaultLimitMs = dataDir && ownRuntime ? (statementTimeoutMs ?? 0) : 0;
    this.#limitMs = this.#defaultLimitMs;
    // Requests are answered in order: the first waits for the thread to open the database.
    this.#opened = this.#call({ op: 'open', dataDir, settings });
    // Its array types are read like PGlite's.
    this.waitReady = this.#opened.then(() => this._initArrayTypes());
  }

  /**
   * Opens the database (a data directory, or nothing for one in memory) in `runtime`'s
   * thread, or in a new thread of its own (the only case with a statement limit).
   */
  static async open(dataDir: string | undefined, options: PgliteThreadOptions = {}, runtime?: PgliteRuntime): Promise<PgliteThread> {
    const threadRuntime = runtime ?? new PgliteRuntime();
    const db = new PgliteThread(dataDir, options, threadRuntime, runtime === undefined);
    try {
      await db.waitReady;
    } catch (error) {
      await threadRuntime.release(db.#database);
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

  /**
   * Stops the thread running a statement past its limit and opens the database again in a
   * new one (PostgreSQL recovers as from a crash: what the statement's transaction wrote is
   * gone, what was committed stays). The statement's caller gets a 57014 error; later calls
   * wait for the new thread. The runtime is this database's alone (see PgliteThreadOptions).
   */
  #stopRunaway(limitMs: number): void {
    this.#runtime.restart(
      new PgliteStatementTimeoutError(`canceling statement due to statement timeout: it ran past ${limitMs} ms (the embedded database's thread was stopped and the database reopened)`),
    );
    // The new thread's first request, before any caller's.
    this.#opened = this.#call(this.#reopen);
    // A reopen that fails reaches the next callers (they wait for it), never the process as unhandled.
    this.#opened.catch(() => undefined);
  }

  async execProtocolRaw(message: Uint8Array, { syncToFs = true }: { syncToFs?: boolean } = {}): Promise<Uint8Array> {
    await this.#opened;
    const lifted = this.#defaultLimitMs ? statementLimitIn(message) : undefined;
    if (lifted !== undefined) this.#limitMs = lifted;
    const limitMs = this.#limitMs;
    const answer = this.#call({ op: 'raw', message, syncToFs });
    if (!limitMs) return (await answer) ?? new Uint8Array(0);
    // Timed from here, the statement's execution: this database's requests are serialized by
    // the locks below, and its runtime runs no other database's.
    const timer = setTimeout(() => this.#stopRunaway(limitMs), limitMs);
    try {
      return (await answer) ?? new Uint8Array(0);
    } finally {
      clearTimeout(timer);
    }
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
    await this.#opened;
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
    // A limit lifted inside a transaction (SET LOCAL) ends with it, as in PostgreSQL.
    return this.#transactionLock.runExclusive(async () => {
      try {
        return await work();
      } finally {
        this.#limitMs = this.#defaultLimitMs;
      }
    });
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
