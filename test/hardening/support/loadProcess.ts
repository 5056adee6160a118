import { spawn } from 'node:child_process';
import path from 'node:path';

/** What happened to the requests sent during one phase of a load run. */
export interface PhaseSummary {
  requests: number;
  /** By HTTP status, or `failed: <error>` when no answer came. */
  statuses: Record<string, number>;
  /** Responses that carried any error. */
  withErrors: number;
  /** Errors by `<serviceName> <code> <path>: <message>` (`-` for what an error lacks). */
  errors: Record<string, number>;
  /** For each checked field path (e.g. `entity.name`), the responses where it was null or missing. */
  nulls: Record<string, number>;
  /** Responses whose text held a forbidden string (a URL, a port). */
  leaks: number;
  /** The slowest response, for the report only. */
  maxMs: number;
}

export interface LoadSummary {
  stoppedBy: 'stop' | 'stdin-closed' | 'max-seconds' | 'max-requests';
  phases: Record<string, PhaseSummary>;
}

export interface LoadOptions {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The first phase's name. */
  phase: string;
  concurrency: number;
  /** Each loop waits this long between requests. */
  pauseMs: number;
  /** Hard bounds: the generator stops by itself at the first one reached. */
  maxSeconds: number;
  maxRequests: number;
  /** Field paths counted when null. */
  check: string[];
  /** Strings no response may contain. */
  forbid: string[];
}

export interface LoadProcess {
  /** Starts a phase; resolves once every request sent in earlier phases has finished. */
  phase(name: string): Promise<void>;
  /** Stops the load and returns the summary (the same one when called again). */
  stop(): Promise<LoadSummary>;
}

/** Starts generateLoad.ts in a second process; resolves once its first phase has begun. */
export function startLoadProcess(options: LoadOptions): Promise<LoadProcess> {
  const args = [
    ...['--url', options.url, '--query', options.query, '--variables', JSON.stringify(options.variables ?? {}), '--phase', options.phase],
    ...['--concurrency', String(options.concurrency), '--pause-ms', String(options.pauseMs)],
    ...['--max-seconds', String(options.maxSeconds), '--max-requests', String(options.maxRequests)],
    ...options.check.flatMap((check) => ['--check', check]),
    ...options.forbid.flatMap((forbidden) => ['--forbid', forbidden]),
  ];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'generateLoad.ts'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  // Writing to a generator that already stopped by itself must not throw; stop() reports it.
  child.stdin.on('error', () => undefined);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  /** Resolves when the generator acknowledges `name`, rejects if it exits first. */
  const acknowledged = (name: string) =>
    new Promise<void>((resolve, reject) => {
      const onData = () => {
        if (!stderr.split('\n').includes(`phase ${name}`)) return;
        child.stderr.off('data', onData);
        resolve();
      };
      child.stderr.on('data', onData);
      void exited.then((code) => reject(new Error(`the load generator exited (${code}) before phase ${name}:\n${stderr}`)));
    });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let stopped: Promise<LoadSummary> | undefined;
  const running: LoadProcess = {
    phase: (name) => {
      const done = acknowledged(name);
      child.stdin.write(`phase ${name}\n`);
      return done;
    },
    stop: () =>
      (stopped ??= (async () => {
        child.stdin.end('stop\n');
        const code = await exited;
        if (code !== 0) throw new Error(`the load generator failed (${code}):\n${stderr}`);
        return JSON.parse(stdout) as LoadSummary;
      })()),
  };
  return acknowledged(options.phase).then(() => running);
}
