import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeSubgraph {
  url: string;
  /** Requests received so far. */
  received: number;
  /** Resolves when the next request has arrived. */
  nextRequest(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A tiny `node:http` server on loopback standing in for a subgraph the gateway calls:
 * `answer` decides what happens to each request (answer it, hold it, never answer).
 * `close` cuts every connection, answered or not.
 */
export async function startFakeSubgraph(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<FakeSubgraph> {
  const sockets = new Set<Socket>();
  let waiting: (() => void)[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      fake.received += 1;
      for (const resolve of waiting) resolve();
      waiting = [];
      answer(request, response);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake: FakeSubgraph = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received: 0,
    nextRequest: () => new Promise<void>((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}
