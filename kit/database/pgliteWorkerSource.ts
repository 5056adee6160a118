/**
 * The code of a PGlite worker thread (PgliteRuntime), as plain JavaScript run with
 * `new Worker(source, { eval: true })`: a `.ts` file would need the TypeScript loader in
 * every worker (tsx under `npm start`, nothing under jest), and a separate `.js` file
 * would be lost by a bundler. It opens the databases it is asked to and runs protocol
 * messages on them, one at a time, answering each with PostgreSQL's raw bytes: all
 * parsing happens on the calling thread, where the parsers (functions) live.
 *
 * workerData: { pglite: <resolved path of @electric-sql/pglite>,
 *   pgliteWasmModule, initdbWasmModule: WebAssembly.Module, compiled once per process }
 * in:  { id, database, op: 'open', dataDir: string | undefined, settings: { postgresqlconf?: string[], loadDataDir?: Uint8Array } }
 *    | { id, database, op: 'raw', message: Uint8Array, syncToFs: boolean } | { id, database, op: 'sync' } | { id, database, op: 'close' }
 * out: { id, ok: true, answer?: Uint8Array } | { id, ok: false, error: string }
 */
export const PGLITE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglite);

const { pgliteWasmModule, initdbWasmModule } = workerData;
const databases = new Map();

function open(request) {
  const { postgresqlconf, loadDataDir } = request.settings;
  const opening = PGlite.create({
    dataDir: request.dataDir,
    postgresqlconf,
    pgliteWasmModule,
    initdbWasmModule,
    ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
  });
  // An open that fails is answered to every request, not thrown as an unhandled rejection.
  opening.catch(() => undefined);
  databases.set(request.database, opening);
  return opening;
}

async function run(request) {
  if (request.op === 'open') return void (await open(request));
  const opening = databases.get(request.database);
  if (!opening) throw new Error('no database ' + request.database + ' in this thread');
  const db = await opening;
  if (request.op === 'raw') {
    // The stream's chunks are views into PGlite's memory, valid only during the call.
    const chunks = [];
    let length = 0;
    await db.execProtocolRawStream(request.message, {
      syncToFs: request.syncToFs,
      onRawData: (bytes) => {
        chunks.push(bytes.slice());
        length += bytes.length;
      },
    });
    if (chunks.length === 1) return chunks[0];
    const answer = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      answer.set(chunk, offset);
      offset += chunk.length;
    }
    return answer;
  }
  if (request.op === 'sync') return void (await db.syncToFs());
  if (request.op === 'close') {
    databases.delete(request.database);
    return void (await db.close());
  }
  throw new Error('unknown operation ' + request.op);
}

// Requests arrive one at a time from each database's locks; one chain keeps them in order
// (PGlite runs a statement synchronously: databases in one thread take turns anyway).
let queue = Promise.resolve();
parentPort.on('message', (request) => {
  queue = queue.then(async () => {
    try {
      const answer = await run(request);
      parentPort.postMessage({ id: request.id, ok: true, answer }, answer ? [answer.buffer] : []);
    } catch (error) {
      parentPort.postMessage({ id: request.id, ok: false, error: error && error.message ? error.message : String(error) });
    }
  });
});
`;
