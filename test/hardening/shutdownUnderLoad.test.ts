import { request, Agent } from 'node:http';
import { randomBytes } from 'node:crypto';
import { signedHeaders } from '../../kit';
import { portOrFreePort } from '../../kit/server/freePort';
import { startSubgraphProcess, type SubgraphProcess } from './support/subgraphProcess';

const CONNECTIONS = 10;
const BODY = JSON.stringify({ query: '{ __typename }' });

interface Outcome {
  ok: number;
  /** Error codes of requests that failed, by code. */
  failed: Record<string, number>;
}

/** One keep-alive connection sending signed queries back to back until the server is gone. */
async function loop(url: string, secret: string, outcome: Outcome): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // Ends at the first refused connection: the process is gone (a test timeout guards the rest).
    for (;;) {
      const result = await new Promise<string>((resolve) => {
        const call = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...signedHeaders(secret, BODY) } }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode === 200 ? 'ok' : `HTTP ${response.statusCode}`));
          response.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
        });
        call.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
        call.end(BODY);
      });
      if (result === 'ok') outcome.ok++;
      else outcome.failed[result] = (outcome.failed[result] ?? 0) + 1;
      if (result === 'ECONNREFUSED') return;
    }
  } finally {
    agent.destroy();
  }
}

// Issue 15, section 3: SIGTERM under a 10-connection load cuts nothing. Requests in flight
// finish, keep-alive connections are closed cleanly, and no client sees a reset; after the
// listener closes, new connections are refused, which is what a client should see.
describe('shutdown under load', () => {
  let subgraph: SubgraphProcess | undefined;
  afterAll(() => subgraph?.stop());

  it('answers every request it accepted and resets no connection', async () => {
    const secret = randomBytes(32).toString('hex');
    subgraph = await startSubgraphProcess('techdocs', { port: await portOrFreePort(0), secret, args: ['--in-memory'] });
    const outcome: Outcome = { ok: 0, failed: {} };
    const loops = Array.from({ length: CONNECTIONS }, () => loop(subgraph!.url, secret, outcome));
    // Let every connection carry traffic, then stop the process in the middle of it.
    while (outcome.ok < 200) await new Promise((resolve) => setTimeout(resolve, 20));
    subgraph.signal('SIGTERM');
    await subgraph.exited;
    await Promise.all(loops);
    const { ECONNREFUSED: refused = 0, ...failures } = outcome.failed;
    expect(failures).toEqual({});
    expect(refused).toBeLessThanOrEqual(CONNECTIONS);
    expect(outcome.ok).toBeGreaterThanOrEqual(200);
  });
});
