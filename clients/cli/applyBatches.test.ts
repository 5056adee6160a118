import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAllDocuments } from 'yaml';
import { EXIT } from './exitCodes';
import { runCli } from './testing/runCli';

// A gateway that refuses bodies over 1 MiB with 413, as the real one does, and otherwise
// answers applyEntities with the names of the documents it was sent; `/` answers 405.
describe('ensemble apply of large input, and HTTP answers that are not GraphQL', () => {
  let server: Server;
  let base: string;
  const received: string[][] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        if (request.url !== '/graphql') return response.writeHead(405).end();
        if (body.length > 1024 * 1024) return response.writeHead(413).end();
        const { variables } = JSON.parse(body.toString());
        const refs = parseAllDocuments(variables.yaml).map((document) => `group:default/${document.toJS().metadata.name}`);
        received.push(refs);
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { applyEntities: { applied: !variables.dryRun, dryRun: variables.dryRun, refs, errors: [] } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const group = (i: number) => `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-${i}\n  description: "${'x'.repeat(2_000)}"\nspec:\n  type: team\n  children: []\n`;

  it('sends 1.1 MB of descriptors in batches the gateway accepts, with progress, and stores them all', async () => {
    const yaml = Array.from({ length: 550 }, (_, i) => group(i)).join('---\n');
    expect(Buffer.byteLength(yaml)).toBeGreaterThan(1.1e6);
    const run = await runCli(['apply', '-f', '-'], { endpoint: `${base}/graphql`, stdin: yaml });
    expect(run.stderr).toMatch(/^batch 1 of 3: \d+ entities stored$/m);
    expect(run.code).toBe(EXIT.OK);
    expect(received.flat()).toHaveLength(550);
    expect(new Set(received.flat()).size).toBe(550);
  });

  it('says what was expected when the URL is not the GraphQL endpoint', async () => {
    const run = await runCli(['list'], { endpoint: `${base}/` });
    expect(run.stderr).toMatch(/HTTP 405: this URL serves no GraphQL; the gateway's endpoint ends in \/graphql/);
    expect(run.code).toBe(EXIT.REFUSED);
  });
});
