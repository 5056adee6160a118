/**
 * `npm run bench [-- options]`: the performance suite (see bench/README.md).
 *
 *   --sizes 1000,10000,100000   catalog sizes (entities)
 *   --database pglite|postgres  where the subgraphs keep their data
 *   --duration 10               seconds of load per measurement
 *   --warmup 2                  seconds of load before the first measurement of each case
 *   --connections 8             concurrent connections of the load generator
 *   --operations a,b            only these operations (names in operations.ts)
 *   --compare                   Ensemble vs default @apollo/gateway vs a monolith, in rounds
 *   --rounds 3                  rounds of the comparison (targets interleaved, shuffled)
 *   --no-hoist                  gateways without literal hoisting (the lever's "before")
 *   --no-lean-path              Ensemble's gateways run every plan through @apollo/gateway's executor (the lean path's "before")
 *   --no-templates              Ensemble's gateways parse and validate every new text (document templates' "before")
 *   --pglite thread|inline|both  where the host's embedded databases run (default thread, as
 *                               `npm start`); `both` runs the suite inline, then in threads,
 *                               and prints the two side by side (the threads' cost, before/after)
 *   --scan-share 0.1 --docs-share 0.05   components with a security scan / published docs
 *   --out file.json             also write the JSON there
 *   --feed-entities 10000       the change feed's figures (bench/feed.ts) for this many entities; 0 skips them
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CatalogCounts } from './generateCatalog';
import type { LoadJob, LoadResult } from './loadProcess';
import { benchOperations, type BenchOperation } from './operations';
import { cpuMs, loadAverage, peakRssMb } from './procStats';
import type { HostConfig } from './serveHost';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    database: { type: 'string', default: 'pglite' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '8' },
    operations: { type: 'string' },
    compare: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    'no-hoist': { type: 'boolean', default: false },
    'no-lean-path': { type: 'boolean', default: false },
    'no-templates': { type: 'boolean', default: false },
    'scan-share': { type: 'string', default: '0.1' },
    'docs-share': { type: 'string', default: '0.05' },
    pglite: { type: 'string', default: 'thread' },
    out: { type: 'string' },
    'feed-entities': { type: 'string', default: '10000' },
  },
});
if (values.database !== 'pglite' && values.database !== 'postgres') throw new Error('--database must be pglite or postgres');
if (!['thread', 'inline', 'both'].includes(values.pglite)) throw new Error('--pglite must be thread, inline or both');
/** Where the host's PGlite databases run, in the order the suite runs them: the main thread first, as "before". */
const pgliteModes = (values.pglite === 'both' ? ['inline', 'thread'] : [values.pglite]) as HostConfig['pglite'][];
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const secret = randomBytes(32).toString('hex');
/** Requests timed one by one for the added-latency figure (after as many unmeasured). */
const LATENCY_SAMPLES = 2_000;

// Load generator on core 0, servers on core 1, when taskset exists and there are two cores.
const pinning = spawnSync('taskset', ['--version']).status === 0 && (spawnSync('nproc').stdout?.toString().trim() ?? '1') !== '1';
const pinned = (core: number, args: string[]) => (pinning ? ['taskset', '-c', String(core), ...args] : args);

interface Server {
  pid: number;
  details: { controlUrl: string; targets: Record<string, string>; subgraphs?: Record<string, string>; counts?: CatalogCounts; [key: string]: unknown };
  stop(): Promise<void>;
}

async function startServer(script: string, config: unknown): Promise<Server> {
  const [command, ...args] = pinned(1, [process.execPath, '--import', 'tsx', path.join(__dirname, script), JSON.stringify(config)]);
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  const details = await new Promise<Server['details']>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((candidate) => candidate.startsWith('BENCH_READY '));
      if (line) resolve(JSON.parse(line.slice('BENCH_READY '.length)));
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  return {
    pid: child.pid!,
    details,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function runLoad(job: LoadJob): Promise<LoadResult> {
  const [command, ...args] = pinned(0, [process.execPath, '--import', 'tsx', path.join(__dirname, 'loadProcess.ts'), JSON.stringify(job)]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`load process exited with ${code}`);
  return JSON.parse(output.trim().split('\n').pop()!);
}

/** Throughput and latency of one operation against one URL, with the CPU each server process spent per request. */
async function measure(url: string, operation: BenchOperation, processes: Server[], seconds: number, options: { connections?: number; signWith?: string } = {}) {
  const before = processes.map((server) => cpuMs(server.pid));
  const result = await runLoad({
    url,
    query: operation.query,
    variables: operation.variables,
    unique: operation.unique,
    connections: options.connections ?? connections,
    durationSeconds: seconds,
    signWith: options.signWith,
  });
  const cpuPerRequest = processes.map((server, i) => round((cpuMs(server.pid) - before[i]) / Math.max(1, result.requests), 3));
  return { ...result, cpuMsPerRequest: cpuPerRequest };
}

/** Subgraph fetches and SQL statements per operation, from a few sequential requests. */
async function countPerOperation(url: string, operation: BenchOperation, counterSources: Server[], samples = 10) {
  await Promise.all(counterSources.map((server) => fetch(`${server.details.controlUrl}/reset`, { method: 'POST' })));
  let firstError: string | undefined;
  for (let i = 0; i < samples; i++) {
    const variables = operation.variables[i % Math.max(1, operation.variables.length)] ?? {};
    const query = operation.unique ? operation.query.replace('$$', JSON.stringify(`${operation.unique.prefix}${i}`)) : operation.query;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors && !firstError) firstError = JSON.stringify(body.errors).slice(0, 300);
  }
  const merged: Record<string, Record<string, number>> = {};
  for (const server of counterSources) {
    const counts = (await (await fetch(`${server.details.controlUrl}/`)).json()) as Record<string, Record<string, number>>;
    for (const [group, byName] of Object.entries(counts)) {
      merged[group] = Object.fromEntries(Object.entries(byName).map(([name, count]) => [name, round(count / samples, 2)]));
    }
  }
  return { perOperation: merged, firstError };
}

async function suite(size: number, pglite: HostConfig['pglite'] = 'thread') {
  const host = await startServer('serveHost.ts', hostConfig(size, ['ensemble'], pglite));
  try {
    const operations = selected(benchOperations(host.details.counts!), [
      'entityPage', 'list100', 'list100Total', 'ownsTransitively', 'textSearch', 'searchDocs', 'entityPageNoScorecard', 'uniqueDocuments',
    ]);
    const url = host.details.targets.ensemble;
    const rows: Record<string, unknown>[] = [];
    for (const operation of Object.values(operations)) {
      const counted = await countPerOperation(url, operation, [host]);
      if (warmup > 0) await measure(url, operation, [host], warmup);
      const result = await measure(url, operation, [host], duration);
      rows.push({ size, operation: operation.name, ...result, hostCpuMsPerRequest: result.cpuMsPerRequest[0], ...counted });
    }
    // Added latency: one connection, the same catalog-only operation through the gateway and straight to the subgraph.
    const one = benchOperations(host.details.counts!).catalogEntity;
    const timed = (target: string, signWith?: string) =>
      runLoad({ url: target, query: one.query, variables: one.variables, connections: 1, durationSeconds: 0, sequential: LATENCY_SAMPLES, signWith });
    await timed(url);
    const throughGateway = await timed(url);
    const direct = await timed(host.details.subgraphs!.catalog, secret);
    return {
      size,
      pglite,
      ingest: host.details.ingest,
      plugins: host.details.plugins,
      operations: rows,
      addedLatency: {
        throughGatewayP50Ms: throughGateway.p50Ms,
        directP50Ms: direct.p50Ms,
        addedP50Ms: round(throughGateway.p50Ms - direct.p50Ms, 3),
        throughGatewayP99Ms: throughGateway.p99Ms,
        directP99Ms: direct.p99Ms,
      },
      peakRssMb: { host: peakRssMb(host.pid) },
      loadAverage: loadAverage(),
    };
  } finally {
    await host.stop();
  }
}

async function compare(size: number) {
  const rounds = Number(values.rounds);
  const host = await startServer('serveHost.ts', hostConfig(size, ['ensemble', 'ensemble-http', 'monolith']));
  const subgraphs = Object.entries(host.details.subgraphs!).map(([name, url]) => ({ name, url }));
  const gatewayConfig = (kind: string) => ({ kind, port: 0, secret, subgraphs, hoistLiterals: !values['no-hoist'], leanPath: !values['no-lean-path'], documentTemplates: !values['no-templates'] });
  const ensembleProcess = await startServer('serveGateway.ts', gatewayConfig('ensemble'));
  const apolloProcess = await startServer('serveGateway.ts', gatewayConfig('apollo-default'));
  try {
    const operations = selected(benchOperations(host.details.counts!), ['entityPageNoScorecard', 'list100Total', 'ownsTransitively', 'searchDocs', 'textSearch']);
    const targets = [
      { name: 'ensemble (all-in-one)', url: host.details.targets.ensemble, processes: [host] },
      { name: 'ensemble (loopback http)', url: host.details.targets['ensemble-http'], processes: [host] },
      { name: 'monolith', url: host.details.targets.monolith, processes: [host] },
      { name: 'ensemble (own process)', url: ensembleProcess.details.targets.ensemble, processes: [ensembleProcess, host] },
      { name: '@apollo/gateway default (own process)', url: apolloProcess.details.targets['apollo-default'], processes: [apolloProcess, host] },
    ];
    const results: Record<string, Record<string, { rps: number; p50Ms: number; p99Ms: number; cpuMsPerRequest: number[]; errors: number }[]>> = {};
    const fetches: Record<string, unknown> = {};
    for (const operation of Object.values(operations)) {
      results[operation.name] = {};
      for (const target of targets) {
        const counted = await countPerOperation(target.url, operation, [host, ensembleProcess, apolloProcess]);
        fetches[`${operation.name} / ${target.name}`] = counted;
        if (warmup > 0) await measure(target.url, operation, target.processes, warmup);
      }
    }
    for (let round = 0; round < rounds; round++) {
      for (const operation of Object.values(operations)) {
        for (const target of shuffle(targets)) {
          const result = await measure(target.url, operation, target.processes, duration);
          (results[operation.name][target.name] ??= []).push({
            rps: result.requestsPerSecond, p50Ms: result.p50Ms, p99Ms: result.p99Ms, cpuMsPerRequest: result.cpuMsPerRequest,
            errors: result.errors + result.non2xx + result.graphqlErrors,
          });
        }
      }
    }
    const ratio = (operation: string, a: string, b: string) =>
      median(results[operation][a].map((run, i) => run.rps / Math.max(1, results[operation][b][i].rps)));
    const ratios = Object.keys(results).map((operation) => ({
      operation,
      'all-in-one / monolith': round(ratio(operation, 'ensemble (all-in-one)', 'monolith'), 2),
      'loopback http / monolith': round(ratio(operation, 'ensemble (loopback http)', 'monolith'), 2),
      'in-process / loopback http': round(ratio(operation, 'ensemble (all-in-one)', 'ensemble (loopback http)'), 2),
      'ensemble / default gateway (own processes)': round(ratio(operation, 'ensemble (own process)', '@apollo/gateway default (own process)'), 2),
    }));
    const medians = Object.entries(results).flatMap(([operation, byTarget]) =>
      Object.entries(byTarget).map(([target, runs]) => ({
        operation,
        target,
        rps: median(runs.map((run) => run.rps)),
        p50Ms: median(runs.map((run) => run.p50Ms)),
        p99Ms: median(runs.map((run) => run.p99Ms)),
        cpuMsPerRequest: runs[0].cpuMsPerRequest.map((_, i) => round(median(runs.map((run) => run.cpuMsPerRequest[i])), 3)).join(' + '),
        errors: runs.reduce((sum, run) => sum + run.errors, 0),
      })),
    );
    return {
      size,
      ratios,
      medians,
      fetches,
      peakRssMb: { host: peakRssMb(host.pid), ensembleGateway: peakRssMb(ensembleProcess.pid), apolloGateway: peakRssMb(apolloProcess.pid) },
      loadAverage: loadAverage(),
    };
  } finally {
    await apolloProcess.stop();
    await ensembleProcess.stop();
    await host.stop();
  }
}

function hostConfig(size: number, targets: HostConfig['targets'], pglite: HostConfig['pglite'] = 'thread'): HostConfig {
  return {
    size,
    database: values.database as HostConfig['database'],
    pglite,
    secret,
    targets,
    hoistLiterals: !values['no-hoist'],
    leanPath: !values['no-lean-path'],
    documentTemplates: !values['no-templates'],
    scanShare: Number(values['scan-share']),
    docsShare: Number(values['docs-share']),
    seedPlugins: !values.operations || values.operations.split(',').some((name) => OPERATIONS_READING_PLUGINS.includes(name)),
  };
}

/** Operations that read the plugins' data; a run of catalog-only operations skips loading it. */
const OPERATIONS_READING_PLUGINS = ['entityPage', 'entityPageNoScorecard', 'uniqueDocuments', 'searchDocs'];

function selected(all: Record<string, BenchOperation>, names: string[]): Record<string, BenchOperation> {
  const wanted = values.operations ? values.operations.split(',') : names;
  return Object.fromEntries(names.filter((name) => wanted.includes(name)).map((name) => [name, all[name]]));
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The same figures of two suite runs side by side: what moving PGlite into threads costs or saves. */
function beforeAfter(before: Awaited<ReturnType<typeof suite>>, after: Awaited<ReturnType<typeof suite>>) {
  const row = (what: string, a: unknown, b: unknown) => ({ what, before: a, after: b });
  const ingestSeconds = (result: typeof before) => (result.ingest as { seconds?: number } | undefined)?.seconds;
  return [
    row('ingest, s', ingestSeconds(before), ingestSeconds(after)),
    ...before.operations.flatMap((operation: any, i) => {
      const other = after.operations[i] as any;
      return [
        row(`${operation.operation}: host CPU-ms per request (all threads)`, operation.hostCpuMsPerRequest, other.hostCpuMsPerRequest),
        row(`${operation.operation}: req/s`, operation.requestsPerSecond, other.requestsPerSecond),
        row(`${operation.operation}: p50 / p99 ms`, `${operation.p50Ms} / ${operation.p99Ms}`, `${other.p50Ms} / ${other.p99Ms}`),
      ];
    }),
    row('added latency through the gateway, p50 ms', before.addedLatency.addedP50Ms, after.addedLatency.addedP50Ms),
    row('host peak RSS, MB', before.peakRssMb.host, after.peakRssMb.host),
  ];
}

async function main() {
  const sizes = values.sizes.split(',').map(Number);
  const machine = { platform: process.platform, node: process.version, pinning: pinning ? 'load on core 0, servers on core 1 (taskset)' : 'none (taskset missing or one core)' };
  console.log(`bench: sizes ${sizes.join(', ')}, ${values.database}, ${duration} s per run, ${connections} connections, ${machine.pinning}, load average ${loadAverage()}`);
  const report: Record<string, unknown> = { benchmark: values.compare ? 'ensemble-compare' : 'ensemble', machine, options: values, runs: [] };
  for (const size of sizes) {
    if (values.compare) {
      const result = await compare(size);
      console.log(`\n== ${size} entities: comparison, medians of ${values.rounds} rounds (load average ${result.loadAverage})`);
      console.table(result.medians);
      console.table(result.ratios);
      (report.runs as unknown[]).push(result);
    } else {
      const byMode: Awaited<ReturnType<typeof suite>>[] = [];
      for (const pglite of pgliteModes) {
        const result = await suite(size, pglite);
        byMode.push(result);
        console.log(`\n== ${size} entities, PGlite ${pglite === 'inline' ? 'on the main thread' : 'in a thread per database'} (load average ${result.loadAverage})`);
        console.table([{ ...(result.ingest as object), plugins: JSON.stringify(result.plugins), hostPeakRssMb: result.peakRssMb.host }]);
        console.table(
          result.operations.map((row: any) => ({
            operation: row.operation,
            rps: row.requestsPerSecond,
            p50Ms: row.p50Ms,
            p99Ms: row.p99Ms,
            cpuMsPerRequest: row.hostCpuMsPerRequest,
            fetches: JSON.stringify(row.perOperation['fetches:ensemble'] ?? {}),
            dbQueries: JSON.stringify(row.perOperation.dbQueries ?? {}),
            errors: row.errors + row.non2xx + row.graphqlErrors + (row.firstError ? ' (' + row.firstError.slice(0, 60) + ')' : ''),
          })),
        );
        console.table([result.addedLatency]);
        (report.runs as unknown[]).push(result);
      }
      if (byMode.length === 2) {
        console.log(`\n== ${size} entities: PGlite on the main thread (before) and in a thread per database (after)`);
        console.table(beforeAfter(byMode[0], byMode[1]));
      }
    }
  }
  if (Number(values['feed-entities']) > 0) {
    // In this process: the feed bench starts its own platform, and reads this heap (see bench/feed.ts).
    const { feedBench } = await import('./feed');
    report.feed = await feedBench({ entities: Number(values['feed-entities']), samples: 50, idle: 1_000 });
    console.log('\n== change feed (bench/feed.ts)');
    console.table([report.feed]);
  }
  const json = JSON.stringify(report);
  console.log(json);
  if (values.out) writeFileSync(values.out, json);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

