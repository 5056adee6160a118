import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEnsembleClient } from '../sdk';
import { unknownKindsNote } from './unknownKindsNote';

// A gateway that knows two kinds, as the catalog's kind facet reports them.
describe('unknownKindsNote', () => {
  let server: Server;
  let endpoint: string;
  const asked: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        asked.push(JSON.parse(body).query);
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { entities: { facets: [{ values: [{ value: 'component' }, { value: 'api' }] }] } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('names the asked kinds no entity has, and the kinds there are', async () => {
    const client = createEnsembleClient({ endpoint });
    expect(await unknownKindsNote(client, ['compnent', 'API'])).toBe('warning: no entity has kind "compnent"; the catalog has api, component');
    expect(asked[0]).toMatch(/facets\(fields: \["kind"\]/);
  });

  it('says nothing when every asked kind exists', async () => {
    expect(await unknownKindsNote(createEnsembleClient({ endpoint }), ['Component'])).toBeUndefined();
  });
});
