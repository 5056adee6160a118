/**
 * A bounded load generator, run as its own process by a fault test (see loadProcess.ts):
 * `--concurrency` loops POST one GraphQL operation to a loopback URL until told `stop` on
 * stdin, stdin closes, `--max-seconds` pass or `--max-requests` were sent, whichever
 * comes first. Then it prints a JSON summary of every response, grouped by phase, on stdout.
 *
 * Each request counts for the phase in force when it was sent. `phase <name>` on stdin
 * starts a phase; the generator answers `phase <name>` on stderr once every request of
 * the earlier phases has finished, so what the test does next touches only the new phase.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { LoadSummary, PhaseSummary } from './loadProcess';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    query: { type: 'string' },
    variables: { type: 'string', default: '{}' },
    phase: { type: 'string', default: 'start' },
    concurrency: { type: 'string', default: '4' },
    'pause-ms': { type: 'string', default: '0' },
    'max-seconds': { type: 'string', default: '120' },
    'max-requests': { type: 'string', default: '20000' },
    check: { type: 'string', multiple: true, default: [] },
    forbid: { type: 'string', multiple: true, default: [] },
  },
});
const url = new URL(values.url!);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`load goes to loopback only, not ${url.hostname}`);
const body = JSON.stringify({ query: values.query, variables: JSON.parse(values.variables) });
const pauseMs = Number(values['pause-ms']);
const maxRequests = Number(values['max-requests']);

const summary: LoadSummary = { stoppedBy: 'stop', phases: {} };
const inFlight = new Map<string, number>();
let phase = values.phase;
let sent = 0;
let stopping = false;
let settled: () => void = () => undefined;

const phaseSummary = (name: string): PhaseSummary =>
  (summary.phases[name] ??= { requests: 0, statuses: {}, withErrors: 0, errors: {}, nulls: Object.fromEntries(values.check.map((path) => [path, 0])), leaks: 0, maxMs: 0 });

/** Tallies one response: status, each error by subgraph, code, path and message, null checked fields, forbidden text. */
function record(name: string, status: string, text: string, ms: number) {
  const tally = phaseSummary(name);
  tally.requests += 1;
  tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
  tally.maxMs = Math.max(tally.maxMs, ms);
  if (values.forbid.some((forbidden) => text.includes(forbidden))) tally.leaks += 1;
  let parsed: { data?: unknown; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // Counted by its status; a non-JSON answer has no fields.
  }
  if (parsed.errors?.length) tally.withErrors += 1;
  for (const error of parsed.errors ?? []) {
    const key = `${error.extensions?.serviceName ?? '-'} ${error.extensions?.code ?? '-'} ${error.path?.join('.') ?? '-'}: ${error.message}`;
    tally.errors[key] = (tally.errors[key] ?? 0) + 1;
  }
  for (const path of values.check) {
    const value = path.split('.').reduce<any>((node, key) => node?.[key], parsed.data);
    if (value === null || value === undefined) tally.nulls[path] += 1;
  }
}

async function loop() {
  while (!stopping && sent < maxRequests) {
    sent += 1;
    const name = phase;
    inFlight.set(name, (inFlight.get(name) ?? 0) + 1);
    const started = Date.now();
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30_000) });
      record(name, String(response.status), await response.text(), Date.now() - started);
    } catch (error) {
      record(name, `failed: ${(error as Error).name}`, '', Date.now() - started);
    }
    inFlight.set(name, inFlight.get(name)! - 1);
    settled();
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  if (sent >= maxRequests) summary.stoppedBy = 'max-requests';
}

/** Resolves once no request of any phase but the current one is in flight. */
async function earlierPhasesDone() {
  while ([...inFlight].some(([name, count]) => name !== phase && count > 0)) await new Promise<void>((resolve) => (settled = resolve));
}

const stop = (by: LoadSummary['stoppedBy']) => {
  if (!stopping) summary.stoppedBy = by;
  stopping = true;
};
const deadline = setTimeout(() => stop('max-seconds'), Number(values['max-seconds']) * 1000);
const input = createInterface({ input: process.stdin });
input.on('line', async (line) => {
  const [command, name] = line.trim().split(/\s+/);
  if (command === 'stop') return stop('stop');
  if (command !== 'phase' || !name) return;
  phase = name;
  phaseSummary(name);
  await earlierPhasesDone();
  process.stderr.write(`phase ${name}\n`);
});
input.on('close', () => stop('stdin-closed'));

phaseSummary(phase);
process.stderr.write(`phase ${phase}\n`);
void Promise.all(Array.from({ length: Number(values.concurrency) }, loop)).then(() => {
  clearTimeout(deadline);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  process.exit(0);
});
