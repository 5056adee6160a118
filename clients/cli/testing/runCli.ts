import { Readable } from 'node:stream';
import { run } from '../main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Requests the CLI sent, through the real fetch. */
  requests: number;
  /** How many requests had been sent when the first chunk reached stdout (-1: nothing written). */
  requestsAtFirstWrite: number;
  /** stdout as it was written, chunk by chunk. */
  chunks: string[];
}

/** Runs the CLI in-process against `endpoint`, collecting what it writes. */
export async function runCli(
  argv: string[],
  options: { endpoint?: string; env?: Record<string, string>; stdin?: string; stdoutIsTTY?: boolean; headers?: (headers: Headers) => void } = {},
): Promise<CliRun> {
  const outcome = { requests: 0, requestsAtFirstWrite: -1, chunks: [] as string[], stderr: '' };
  const counted: typeof fetch = (input, init) => {
    outcome.requests++;
    options.headers?.(new Headers(init?.headers));
    return fetch(input, init);
  };
  const code = await run(argv, {
    stdout: {
      isTTY: options.stdoutIsTTY ?? false,
      write: (chunk: string) => {
        if (outcome.requestsAtFirstWrite < 0) outcome.requestsAtFirstWrite = outcome.requests;
        outcome.chunks.push(chunk);
        return true;
      },
    },
    stderr: { isTTY: false, write: (chunk: string) => void (outcome.stderr += chunk) },
    env: { ...(options.endpoint ? { ENSEMBLE_ENDPOINT: options.endpoint } : {}), ...options.env },
    stdin: options.stdin === undefined ? undefined : Readable.from([options.stdin]),
    fetch: counted,
  });
  return { code, stdout: outcome.chunks.join(''), ...outcome };
}
