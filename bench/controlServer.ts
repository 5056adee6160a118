import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A bench server process's side door (loopback, free port): `GET /counters` answers what
 * `read` returns, `POST /reset` zeroes it. The load runs against the real endpoints; this
 * only reads counts between runs.
 */
export async function startControlServer(read: () => unknown, reset: () => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/reset') reset();
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(read()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Counts by name, zeroed on reset. */
export class Counters {
  private counts: Record<string, Record<string, number>> = {};
  add(group: string, name: string): void {
    const byName = (this.counts[group] ??= {});
    byName[name] = (byName[name] ?? 0) + 1;
  }
  read(): Record<string, Record<string, number>> {
    return this.counts;
  }
  reset(): void {
    this.counts = {};
  }
}

/** Prints the one line the orchestrator waits for. */
export function announceReady(details: Record<string, unknown>): void {
  process.stdout.write(`BENCH_READY ${JSON.stringify({ pid: process.pid, ...details })}\n`);
}
