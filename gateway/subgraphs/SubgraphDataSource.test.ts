import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphAgents, createSubgraphFetcher, type SubgraphAgents } from './createSubgraphFetcher';
import { SubgraphDataSource } from './SubgraphDataSource';
import { SubgraphTimeoutError, SubgraphUnavailableError } from './subgraphErrors';

describe('SubgraphDataSource', () => {
  let server: Server;
  let url: string;
  let received: number;
  let behaviour: (call: number) => 'answer' | 'drop' | 'hang';
  let agents: SubgraphAgents;
  const logs: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received += 1;
        const what = behaviour(received);
        if (what === 'drop') request.socket.destroy();
        if (what === 'answer') {
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify({ data: { call: received } }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    received = 0;
    agents = createSubgraphAgents();
  });
  afterEach(() => agents.http.destroy());

  const source = (timeoutMs = 5_000) =>
    new SubgraphDataSource({ name: 'plugin', url, fetcher: createSubgraphFetcher({ timeoutMs, secret: null, agents }), timeoutMs, log: (line) => void logs.push(line) });
  const send = (dataSource: SubgraphDataSource, query: string) =>
    // GraphQLDataSourceRequestKind.LOADING_SCHEMA: the gateway's package does not export the enum's values.
    dataSource.process({ kind: 'loading schema', request: { query }, context: {} } as Parameters<SubgraphDataSource['process']>[0]);

  it('sends a query again, once, when its pooled connection was found closed', async () => {
    behaviour = (call) => (call === 2 ? 'drop' : 'answer');
    const dataSource = source();
    await send(dataSource, '{ a }');
    const response = await send(dataSource, '{ a }');
    expect(response.data).toEqual({ call: 3 });
    expect(received).toBe(3);
  });

  it('never sends a mutation twice', async () => {
    behaviour = (call) => (call === 2 ? 'drop' : 'answer');
    const dataSource = source();
    await send(dataSource, '{ a }');
    const failure = await send(dataSource, 'mutation { record }').catch((error) => error);
    expect(failure).toBeInstanceOf(SubgraphUnavailableError);
    expect(received).toBe(2);
  });

  it('turns a subgraph that is not there into SUBGRAPH_UNAVAILABLE naming it, with the URL only in the log', async () => {
    behaviour = () => 'drop';
    const failure = await send(source(), '{ a }').catch((error) => error);
    expect(failure).toBeInstanceOf(SubgraphUnavailableError);
    expect(failure.message).toBe('Subgraph "plugin" is unavailable');
    expect(failure.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(failure.details).toEqual({ serviceName: 'plugin' });
    expect(logs.at(-1)).toContain(`subgraph plugin (${url}) failed`);
  });

  it('turns a subgraph that does not answer in time into SUBGRAPH_TIMEOUT', async () => {
    behaviour = () => 'hang';
    const failure = await send(source(200), '{ a }').catch((error) => error);
    expect(failure).toBeInstanceOf(SubgraphTimeoutError);
    expect(failure.message).toBe('Subgraph "plugin" did not answer within 200 ms');
    expect(received).toBe(1);
  });
});
