import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SIGNATURE_HEADER, verifySignature } from '../../kit';
import { createSubgraphAgents, createSubgraphFetcher, type SubgraphAgents } from './createSubgraphFetcher';
import { FetchTimeoutError, StaleConnectionError } from './subgraphErrors';

const SECRET = 'fetcher-test-secret-long-enough';

/** A loopback server whose answer each test decides. */
async function serve(handle: (request: IncomingMessage, body: string, response: ServerResponse) => void) {
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => handle(request, body, response));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    sockets,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

describe('createSubgraphFetcher', () => {
  let agents: SubgraphAgents;
  beforeEach(() => {
    agents = createSubgraphAgents();
  });
  afterEach(() => {
    agents.http.destroy();
  });

  it('signs the exact body it sends and returns the answer', async () => {
    const seen: { signature?: string; body?: string } = {};
    const subgraph = await serve((request, body, response) => {
      seen.signature = request.headers[SIGNATURE_HEADER] as string;
      seen.body = body;
      response.setHeader('content-type', 'application/json');
      response.end('{"data":{"__typename":"Query"}}');
    });
    try {
      const fetcher = createSubgraphFetcher({ timeoutMs: 5_000, secret: SECRET, agents });
      const body = '{"query":"{ __typename }"}';
      const response = await fetcher(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ data: { __typename: 'Query' } });
      expect(seen.body).toBe(body);
      expect(verifySignature(SECRET, seen.signature, seen.body!)).toEqual({ ok: true });
    } finally {
      await subgraph.close();
    }
  });

  it('sends no signature when it has no secret', async () => {
    let signature: unknown = 'unset';
    const subgraph = await serve((request, _body, response) => {
      signature = request.headers[SIGNATURE_HEADER];
      response.end('{}');
    });
    try {
      await createSubgraphFetcher({ timeoutMs: 5_000, secret: null, agents })(subgraph.url, { method: 'POST', body: '{}' });
      expect(signature).toBeUndefined();
    } finally {
      await subgraph.close();
    }
  });

  it('reuses one keep-alive connection for calls in sequence', async () => {
    const ports = new Set<number>();
    const subgraph = await serve((request, _body, response) => {
      ports.add(request.socket.remotePort!);
      response.end('{}');
    });
    try {
      const fetcher = createSubgraphFetcher({ timeoutMs: 5_000, secret: null, agents });
      for (let i = 0; i < 3; i += 1) await fetcher(subgraph.url, { method: 'POST', body: '{}' });
      expect(ports.size).toBe(1);
    } finally {
      await subgraph.close();
    }
  });

  it('gives up on a server that never answers with FetchTimeoutError, and drops that connection', async () => {
    const subgraph = await serve(() => undefined);
    try {
      const started = Date.now();
      const failure = await createSubgraphFetcher({ timeoutMs: 300, secret: null, agents })(subgraph.url, { method: 'POST', body: '{}' }).catch((error) => error);
      expect(failure).toBeInstanceOf(FetchTimeoutError);
      expect(failure.message).toBe('No answer within 300 ms');
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(Object.keys(agents.http.freeSockets)).toHaveLength(0);
    } finally {
      await subgraph.close();
    }
  });

  it('reports a timeout, not a broken connection, when the answer stops half way', async () => {
    const subgraph = await serve((_request, _body, response) => {
      response.setHeader('content-type', 'application/json');
      response.write('{"data":');
    });
    try {
      const failure = await createSubgraphFetcher({ timeoutMs: 300, secret: null, agents })(subgraph.url, { method: 'POST', body: '{}' }).catch((error) => error);
      expect(failure).toBeInstanceOf(FetchTimeoutError);
    } finally {
      await subgraph.close();
    }
  });

  it('reports a pooled connection closed under it as StaleConnectionError', async () => {
    let calls = 0;
    const subgraph = await serve((request, _body, response) => {
      calls += 1;
      // The second call arrives on the kept-alive socket: close it without a word, as a
      // subgraph's keep-alive timer firing at the same moment would.
      if (calls === 2) request.socket.destroy();
      else response.end('{}');
    });
    try {
      const fetcher = createSubgraphFetcher({ timeoutMs: 5_000, secret: null, agents });
      await fetcher(subgraph.url, { method: 'POST', body: '{}' });
      const failure = await fetcher(subgraph.url, { method: 'POST', body: '{}' }).catch((error) => error);
      expect(failure).toBeInstanceOf(StaleConnectionError);
    } finally {
      await subgraph.close();
    }
  });

  it('fails with the socket error when nothing listens', async () => {
    const subgraph = await serve(() => undefined);
    await subgraph.close();
    const failure = await createSubgraphFetcher({ timeoutMs: 5_000, secret: null, agents })(subgraph.url, { method: 'POST', body: '{}' }).catch((error) => error);
    expect(failure.code).toBe('ECONNREFUSED');
  });
});
