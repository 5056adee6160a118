import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PGLITE_WORKER_SOURCE } from './pgliteWorkerSource';

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

export type RuntimeRequest =
  | { op: 'open'; dataDir: string | undefined; settings: PgliteThreadSettings }
  | { op: 'raw'; message: Uint8Array; syncToFs: boolean }
  | { op: 'sync' }
  | { op: 'close' };

interface Pending {
  resolve(answer: Uint8Array | undefined): void;
  reject(error: Error): void;
}

/**
 * One worker thread running one or more PGlite databases (see PgliteThread). Each thread
 * costs an isolate and PGlite's JavaScript (~100 MB measured, docs/notes.md Session 8), so
 * databases that may wait for each other share one: a slow statement then stalls the
 * databases of its thread, never the calling thread nor another runtime's. The thread
 * ends when its last database closes.
 */
export class PgliteRuntime {
  #worker: Worker | undefined;
  #starting: Promise<Worker> | undefined;
  #pending = new Map<number, Pending>();
  #nextId = 0;
  #nextDatabase = 0;
  #open = new Set<number>();
  #stopped: Error | undefined;

  /** A database id in this runtime; `call(id, { op: 'open' })` opens it. */
  newDatabase(): number {
    const id = ++this.#nextDatabase;
    this.#open.add(id);
    return id;
  }

  #start(): Promise<Worker> {
    return (this.#starting ??= this.#launch());
  }

  async #launch(): Promise<Worker> {
    const worker = new Worker(PGLITE_WORKER_SOURCE, {
      eval: true,
      workerData: { pglite: PGLITE_PATH, ...(await wasmModules()) },
      // Not the process's flags: the thread runs plain JavaScript, and under
      // `node --import tsx` each thread would load the TypeScript loader for nothing.
      execArgv: [],
    });
    // Only work in flight keeps the process alive (see call), as an idle socket would not.
    worker.unref();
    worker.on('message', ({ id, ok, answer, error }: { id: number; ok: boolean; answer?: Uint8Array; error?: string }) => {
      const pending = this.#pending.get(id);
      if (!pending) return;
      this.#settled(id);
      if (ok) pending.resolve(answer);
      else pending.reject(new PgliteThreadError(error));
    });
    const stop = (reason: Error) => {
      // A thread replaced by restart() ends without ending the runtime.
      if (worker !== this.#worker) return;
      this.#stopped ??= reason;
      for (const [id, pending] of this.#pending) {
        this.#settled(id);
        pending.reject(this.#stopped);
      }
    };
    worker.on('error', (error) => stop(new PgliteThreadError(`The database thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => stop(new PgliteThreadError(`The database thread stopped (exit code ${code})`)));
    this.#worker = worker;
    return worker;
  }

  async call(database: number, request: RuntimeRequest): Promise<Uint8Array | undefined> {
    const worker = await this.#start();
    if (this.#stopped) throw this.#stopped;
    const id = ++this.#nextId;
    if (this.#pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, database, ...request });
    });
  }

  #settled(id: number): void {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker?.unref();
  }

  /** The database no longer uses the thread; the last one out stops it. */
  async release(database: number): Promise<void> {
    this.#open.delete(database);
    if (this.#open.size === 0) await this.terminate();
  }

  /** Stops the thread now, whatever runs in it: every database in it fails from here on. */
  async terminate(): Promise<void> {
    // The thread being started (or restarted) too, so that none outlives the runtime.
    const worker = await this.#starting?.catch(() => undefined);
    await worker?.terminate();
  }

  /**
   * Stops the thread now and starts a new one for the calls from here on (the first of
   * which must open the database again); the calls in flight fail with `reason`. Only for
   * a runtime holding a single database: in a shared one it would also end the other
   * databases' statements and open transactions, so it refuses.
   */
  restart(reason: Error): void {
    if (this.#open.size > 1) throw new PgliteThreadError('A PGlite thread shared by several databases is never restarted');
    const old = this.#starting;
    this.#worker = undefined;
    this.#stopped = undefined;
    // Calls made from here on wait for the new thread, which starts once the old one has
    // stopped: two PGlite instances never hold one data directory at once.
    this.#starting = (async () => {
      await (await old?.catch(() => undefined))?.terminate();
      return this.#launch();
    })();
    const inFlight = [...this.#pending.values()];
    this.#pending.clear();
    for (const pending of inFlight) pending.reject(reason);
  }
}
