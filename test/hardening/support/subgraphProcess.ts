import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const ORPHAN_GUARD = path.join(__dirname, 'exitWhenOrphaned.ts');

export interface SubgraphProcess {
  pid: number;
  url: string;
  /** Resolves once the process is gone, however it ended. */
  exited: Promise<void>;
  /** Sends a signal: SIGKILL kills, SIGSTOP hangs it (its sockets stay open), SIGCONT resumes it. */
  signal(signal: NodeJS.Signals): void;
  /** Kills it if it still runs and waits for its end. */
  stop(): Promise<void>;
}

/**
 * One subgraph as its own OS process, started the way an operator does
 * (`bin/subgraph.ts <name> --port <n>`), on loopback, with the gateway's secret.
 * Resolves once it says it is ready; rejects if it exits or is not ready in time.
 */
export function startSubgraphProcess(
  name: string,
  options: { port: number; secret: string; args?: string[]; readyTimeoutMs?: number },
): Promise<SubgraphProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', ORPHAN_GUARD, 'bin/subgraph.ts', name, '--port', String(options.port), ...(options.args ?? [])],
    { cwd: ROOT, env: { ...process.env, ENSEMBLE_SUBGRAPH_SECRET: options.secret }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const running: SubgraphProcess = {
    pid: child.pid!,
    url: `http://127.0.0.1:${options.port}/graphql`,
    exited,
    signal: (signal) => void child.kill(signal),
    stop: async () => {
      // SIGKILL ends a stopped (SIGSTOP) process too.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      void running.stop();
      reject(new Error(`subgraph ${name} process ${reason}:\n${output}`));
    };
    const timer = setTimeout(() => fail('was not ready in time'), options.readyTimeoutMs ?? 90_000);
    const exitedEarly = (code: number | null, signal: string | null) => fail(`exited (${code ?? signal}) before it was ready`);
    child.once('exit', exitedEarly);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes(`subgraph ${name} ready at`)) {
        clearTimeout(timer);
        child.off('exit', exitedEarly);
        resolve(running);
      }
    });
  });
}
