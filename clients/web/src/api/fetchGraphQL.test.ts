import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TypedDocumentString } from '../../../generated/graphql';
import { fetchGraphQL, GraphQLRequestError } from './fetchGraphQL';

const document = new TypedDocumentString<{ entity: { ref: string } | null }, { ref: string }>('query Q($ref: ID!) { entity(ref: $ref) { ref } }');

describe('fetchGraphQL', () => {
  let server: Server;
  let url: string;
  let reply: (body: string) => { status: number; body: string };

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const { status, body: answer } = reply(body);
        response.writeHead(status, { 'content-type': 'application/json' }).end(answer);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('posts the operation text and variables, and resolves partial data with its errors', async () => {
    let sent: unknown;
    reply = (body) => {
      sent = JSON.parse(body);
      return { status: 200, body: JSON.stringify({ data: { entity: { ref: 'component:default/a' } }, errors: [{ message: 'Subgraph "cicd" is unavailable' }] }) };
    };
    const result = await fetchGraphQL(document, { ref: 'component:a' }, { url });
    expect(sent).toEqual({ query: document.toString(), variables: { ref: 'component:a' } });
    expect(result).toEqual({ data: { entity: { ref: 'component:default/a' } }, errors: [{ message: 'Subgraph "cicd" is unavailable' }] });
  });

  it('resolves a 400 with GraphQL errors as errors, not a failure', async () => {
    reply = () => ({ status: 400, body: JSON.stringify({ errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] }) });
    await expect(fetchGraphQL(document, { ref: 'x' }, { url })).resolves.toEqual({ data: null, errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('rejects when no GraphQL response comes back', async () => {
    reply = () => ({ status: 502, body: '<html>Bad gateway</html>' });
    await expect(fetchGraphQL(document, { ref: 'x' }, { url })).rejects.toThrow(new GraphQLRequestError('The gateway answered 502 without a GraphQL response'));
    await expect(fetchGraphQL(document, { ref: 'x' }, { url: 'http://127.0.0.1:1/graphql' })).rejects.toThrow(/Could not reach the gateway/);
  });
});
