import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeIdentity, IDENTITY_HEADER, SIGNATURE_HEADER, verifySignature } from '../../kit';
import { IdentityForwardingDataSource } from '../auth/IdentityForwardingDataSource';
import { createSubgraphAgents, createSubgraphFetcher, type SubgraphAgents } from './createSubgraphFetcher';
import { SubgraphDataSource } from './SubgraphDataSource';
import { SubgraphSchemaSkewError, SubgraphTimeoutError, SubgraphUnavailableError } from './subgraphErrors';

const SECRET = 'data-source-test-secret-long-enough';

type Behaviour = 'answer' | 'drop' | 'hang' | 'status 500' | 'array' | 'html' | 'invalid' | 'bad request';

describe('SubgraphDataSource', () => {
  let server: Server;
  let url: string;
  let received: { headers: IncomingHttpHeaders; body: string }[];
  let behaviour: (call: number) => Behaviour;
  let agents: SubgraphAgents;
  const logs: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        const what = behaviour(received.length);
        if (what === 'drop') request.socket.destroy();
        if (what === 'status 500') response.writeHead(500, 'Internal Server Error').end('{"errors":[{"message":"boom"}]}');
        if (what === 'array') response.end('[{"data":{}}]');
        if (what === 'html') response.end('<html>gateway timeout</html>');
        if (what === 'invalid') {
          response.writeHead(400).end(JSON.stringify({ errors: [{ message: 'Cannot query field "summary" on type "Weather".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }));
        }
        if (what === 'bad request') response.writeHead(400).end(JSON.stringify({ errors: [{ message: 'no', extensions: { code: 'BAD_REQUEST' } }] }));
        if (what === 'answer') {
          response.setHeader('content-type', 'application/graphql-response+json');
          response.end(JSON.stringify({ data: { call: received.length }, errors: [{ message: 'partial' }], extensions: { cost: 1 } }));
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
    received = [];
    behaviour = () => 'answer';
    agents = createSubgraphAgents();
  });
  afterEach(() => agents.http.destroy());

  const options = (timeoutMs = 5_000, secret: string | null = null) => ({
    name: 'plugin',
    url,
    fetcher: createSubgraphFetcher({ timeoutMs, secret, agents }),
    timeoutMs,
    log: (line: string) => void logs.push(line),
  });
  const source = (timeoutMs = 5_000) => new SubgraphDataSource(options(timeoutMs));
  type Request = Parameters<SubgraphDataSource['process']>[0]['request'];
  const send = (dataSource: SubgraphDataSource<any>, request: Request | string, context: object = {}) =>
    // GraphQLDataSourceRequestKind.LOADING_SCHEMA: the gateway's package does not export the enum's values.
    dataSource.process({ kind: 'loading schema', request: typeof request === 'string' ? { query: request } : request, context } as Parameters<SubgraphDataSource['process']>[0]);

  it('POSTs the operation as JSON and hands back the answer’s data, errors and extensions', async () => {
    const response = await send(source(), { query: 'query Q($id: ID!) { a(id: $id) }', variables: { id: '1' }, operationName: 'Q' });
    expect(received).toHaveLength(1);
    expect(received[0].headers['content-type']).toBe('application/json');
    expect(received[0].headers[IDENTITY_HEADER]).toBeUndefined();
    expect(received[0].body).toBe('{"query":"query Q($id: ID!) { a(id: $id) }","variables":{"id":"1"},"operationName":"Q"}');
    expect(response).toEqual({ data: { call: 1 }, errors: [{ message: 'partial' }], extensions: { cost: 1 } });
  });

  it('sends the caller’s identity, signed with the body, and none for an anonymous caller', async () => {
    const dataSource = new IdentityForwardingDataSource(options(5_000, SECRET));
    const identity = { type: 'user', userEntityRef: 'user:default/ada', ownershipEntityRefs: ['group:default/team-a'] } as const;
    await send(dataSource, '{ a }', { identity });
    await send(dataSource, '{ a }', { identity: { type: 'anonymous' } });
    const [user, anonymous] = received;
    expect(decodeIdentity(user.headers[IDENTITY_HEADER] as string)).toMatchObject({ type: 'user', userEntityRef: 'user:default/ada' });
    expect(verifySignature(SECRET, user.headers[SIGNATURE_HEADER] as string, user.body, { identity: user.headers[IDENTITY_HEADER] as string })).toEqual({ ok: true });
    expect(anonymous.headers[IDENTITY_HEADER]).toBeUndefined();
    expect(verifySignature(SECRET, anonymous.headers[SIGNATURE_HEADER] as string, anonymous.body)).toEqual({ ok: true });
  });

  it('sends a query again, once, when its pooled connection was found closed', async () => {
    behaviour = (call) => (call === 2 ? 'drop' : 'answer');
    const dataSource = source();
    await send(dataSource, '{ a }');
    const response = await send(dataSource, '{ a }');
    expect(response.data).toEqual({ call: 3 });
    expect(received).toHaveLength(3);
  });

  it('never sends a mutation twice', async () => {
    behaviour = (call) => (call === 2 ? 'drop' : 'answer');
    const dataSource = source();
    await send(dataSource, '{ a }');
    const failure = await send(dataSource, 'mutation { record }').catch((error) => error);
    expect(failure).toBeInstanceOf(SubgraphUnavailableError);
    expect(received).toHaveLength(2);
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

  it('turns an answer that is not 2xx into SUBGRAPH_UNAVAILABLE, its status in the log', async () => {
    behaviour = () => 'status 500';
    const failure = await send(source(), '{ a }').catch((error) => error);
    expect(failure).toBeInstanceOf(SubgraphUnavailableError);
    expect(failure.message).toBe('Subgraph "plugin" is unavailable');
    expect(failure.message).not.toContain(url);
    expect(logs.at(-1)).toContain(`subgraph plugin (${url}) failed: 500 Internal Server Error`);
  });

  it('turns a subgraph refusing the query as invalid against its schema into SUBGRAPH_SCHEMA_SKEW, naming the skew', async () => {
    behaviour = () => 'invalid';
    const failure = await send(source(), '{ weather { summary } }').catch((error) => error);
    expect(failure).toBeInstanceOf(SubgraphSchemaSkewError);
    expect(failure.code).toBe('SUBGRAPH_SCHEMA_SKEW');
    expect(failure.message).toBe(
      'Subgraph "plugin" runs a schema that differs from the supergraph\'s (publish it to the registry, or roll it back): Cannot query field "summary" on type "Weather".',
    );
    behaviour = () => 'bad request';
    expect(await send(source(), '{ a }').catch((error) => error)).toBeInstanceOf(SubgraphUnavailableError);
  });

  it('turns a 2xx answer that is not a JSON object into SUBGRAPH_UNAVAILABLE', async () => {
    for (const answer of ['array', 'html'] as const) {
      behaviour = () => answer;
      const failure = await send(source(), '{ a }').catch((error) => error);
      expect(failure).toBeInstanceOf(SubgraphUnavailableError);
    }
    expect(logs.at(-1)).toContain(`subgraph plugin (${url}) failed`);
  });

  it('turns a subgraph that does not answer in time into SUBGRAPH_TIMEOUT', async () => {
    behaviour = () => 'hang';
    const failure = await send(source(200), '{ a }').catch((error) => error);
    expect(failure).toBeInstanceOf(SubgraphTimeoutError);
    expect(failure.message).toBe('Subgraph "plugin" did not answer within 200 ms');
    expect(received).toHaveLength(1);
  });
});
