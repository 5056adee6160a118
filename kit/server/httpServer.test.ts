import { request } from 'node:http';
import { listen } from './httpServer';

/** A keep-alive GET that resolves with the status and the Connection header it got. */
function get(port: number, path: string, agent: import('node:http').Agent) {
  return new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const call = request({ host: '127.0.0.1', port, path, agent }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, connection: response.headers.connection, body }));
    });
    call.on('error', reject);
    call.end();
  });
}

describe('listen(...).close()', () => {
  it('finishes a request in flight, refuses new connections, and closes the kept-alive socket', async () => {
    let release: () => void = () => undefined;
    let arrived: () => void = () => undefined;
    const inHandler = new Promise<void>((resolve) => (arrived = resolve));
    const server = await listen(
      {
        '/slow': (_request, response) =>
          new Promise<void>((resolve) => {
            arrived();
            release = () => {
              response.end('done');
              resolve();
            };
          }),
      },
      { port: 0, log: () => undefined },
    );
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true });
    try {
      const inFlight = get(server.port, '/slow', agent);
      await inHandler;
      let closed = false;
      const closing = server.close().then(() => void (closed = true));
      await expect(get(server.port, '/slow', new Agent())).rejects.toThrow(/ECONNREFUSED/);
      expect(closed).toBe(false);
      release();
      expect(await inFlight).toEqual({ status: 200, connection: 'close', body: 'done' });
      await closing;
      expect(closed).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('answers a request that comes on a kept-alive connection just after close began, then ends it cleanly', async () => {
    const server = await listen({ '/ok': async (_request, response) => void response.end('ok') }, { port: 0, log: () => undefined });
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await get(server.port, '/ok', agent)).toMatchObject({ status: 200, body: 'ok' });
      const closing = server.close();
      // The same idle connection: ending it at once raced with this request (a reset).
      expect(await get(server.port, '/ok', agent)).toEqual({ status: 200, connection: 'close', body: 'ok' });
      await closing;
    } finally {
      agent.destroy();
    }
  });

  it('cuts what is still open after the drain timeout', async () => {
    const server = await listen({ '/never': () => new Promise<void>(() => undefined) }, { port: 0, log: () => undefined });
    const arrived = new Promise<void>((resolve) => server.server.once('request', () => resolve()));
    const { Agent } = await import('node:http');
    const pending = get(server.port, '/never', new Agent()).catch((error: NodeJS.ErrnoException) => error.code);
    await arrived;
    await server.close({ drainTimeoutMs: 100 });
    expect(await pending).toBe('ECONNRESET');
  });
});
