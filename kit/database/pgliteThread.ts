import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { messages, Mutex, PGlite, protocol, type DebugLevel } from '@electric-sql/pglite';
import { PGLITE_WORKER_SOURCE } from './pgliteWorkerSource';

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

const PGLITE_PATH = require.resolve('@electric-sql/pglite');

/** A WebAssembly.Module: this project's TypeScript libraries leave the WebAssembly global out. */
type CompiledModule = object;
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledModule> } }).WebAssembly;

/**
 * PGlite's WebAssembly, compiled once per process and handed to every thread: a compiled
 * module crosses threads without a copy or a second compilation, so each database costs
 * its memory, not its own ~9 MB of code and compile time.
 */
let compiledModules: Promise<{ pgliteWasmModule: CompiledModule; initdbWasmModule: CompiledModule }> | undefined;
const wasmModules = () =>
  (compiledModules ??= (async () => {
    const compile = async (file: string) => wasm.compile(await readFile(path.join(path.dirname(PGLITE_PATH), file)));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([compile('pglite.wasm'), compile('initdb.wasm')]);
    return { pgliteWasmModule, initdbWasmModule };
  })());

export class PgliteThreadError extends Error {
  override readonly name = 'PgliteThreadError';
}

/** What the thread passes to PGlite.create besides the data directory. */
export interface PgliteThreadSettings {
  /** Lines of postgresql.conf. */
  postgresqlconf?: string[];
  /** A dump (PGlite's tar) to start a new database from, instead of initdb. */
  loadDataDir?: Uint8Array;
}

interface Pending {
  resolve(answer: Uint8Array | undefined): void;
  reject(error: Error): void;
}

/**
 * A PGlite database running in its own worker thread. PGlite executes a statement
 * synchronously in WebAssembly, so on the calling thread one slow statement would stop
 * every request, the gateway and /healthz included; here it costs only the callers of
 * this database. The client has PGlite's API (it is built on PGlite's own base class);
 * the thread runs protocol messages and sends back PostgreSQL's raw answer, which is
 * parsed here, where the type parsers are. No LISTEN, no blobs (COPY to files).
 */
export class PgliteThread extends BasePGlite {
  readonly debug: DebugLevel = 0;
  readonly waitReady: Promise<void>;
  /** The thread has opened the database (waitReady also waits for the array types). */
  #opened: Promise<unknown>;
  #worker: Worker;
  #pending = new Map<number, Pending>();
  #nextId = 0;
  #queryLock = new Mutex();
  #transactionLock = new Mutex();
  #closed = false;
  #stopped: Error | undefined;

  private constructor(dataDir: string | undefined, settings: PgliteThreadSettings, modules: Awaited<ReturnType<typeof wasmModules>>) {
    super();
    this.#worker = new Worker(PGLITE_WORKER_SOURCE, {
      eval: true,
      workerData: { pglite: PGLITE_PATH, dataDir, ...settings, ...modules },
      // Not the process's flags: the thread runs plain JavaScript, and under
      // `node --import tsx` each thread would load the TypeScript loader for nothing.
      execArgv: [],
    });
    // Only work in flight keeps the process alive (see #call), as an idle socket would not.
    this.#worker.unref();
    this.#worker.on('message', ({ id, ok, answer, error }: { id: number; ok: boolean; answer?: Uint8Array; error?: string }) => {
      const pending = this.#pending.get(id);
      if (!pending) return;
      this.#settled(id);
      if (ok) pending.resolve(answer);
      else pending.reject(new PgliteThreadError(error));
    });
    const stop = (reason: Error) => {
      this.#stopped ??= reason;
      for (const [id, pending] of this.#pending) {
        this.#settled(id);
        pending.reject(this.#stopped);
      }
    };
    this.#worker.on('error', (error) => stop(new PgliteThreadError(`The database thread failed: ${error.message}`, { cause: error })));
    this.#worker.on('exit', (code) => stop(new PgliteThreadError(`The database thread stopped (exit code ${code})`)));
    // The first call waits for the thread to open the database; its array types are read like PGlite's.
    this.#opened = this.#call({ op: 'sync' });
    this.waitReady = this.#opened.then(() => this._initArrayTypes());
  }

  /** Opens the database (a data directory, or nothing for one in memory) in a new thread. */
  static async open(dataDir: string | undefined, settings: PgliteThreadSettings = {}): Promise<PgliteThread> {
    const db = new PgliteThread(dataDir, settings, await wasmModules());
    try {
      await db.waitReady;
    } catch (error) {
      await db.#worker.terminate();
      throw error;
    }
    return db;
  }

  get closed(): boolean {
    return this.#closed;
  }

  #call(request: { op: 'raw'; message: Uint8Array; syncToFs: boolean } | { op: 'sync' } | { op: 'close' }): Promise<Uint8Array | undefined> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = ++this.#nextId;
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, ...request });
    });
  }

  #settled(id: number): void {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
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
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    try {
      await Promise.race([flushed.catch(() => undefined), late]);
    } finally {
      clearTimeout(timer);
      await this.#worker.terminate();
    }
  }
}
