import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSubgraph } from '../../../../kit';
import { startTestSubgraph } from '../../../../kit/testing';
import { createCatalogSubgraph } from '../..';
import type { CatalogContext } from '../../context';
import { componentYaml } from '../componentYaml';

// A URL location is not fetched again while its server's ETag stays the same.
describe('due reads of a URL location', () => {
  let server: Server;
  let catalog: RunningSubgraph<CatalogContext>;
  let body = componentYaml('before');
  const requests = { GET: 0, HEAD: 0 };
  let url = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests[request.method as 'GET' | 'HEAD'] = (requests[request.method as 'GET' | 'HEAD'] ?? 0) + 1;
      response.writeHead(200, { 'content-type': 'text/yaml', etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` });
      response.end(request.method === 'HEAD' ? undefined : body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    url = `http://127.0.0.1:${port}/catalog-info.yaml`;
    catalog = await startTestSubgraph(createCatalogSubgraph({ refreshIntervalMs: 100, readAllowHosts: [`127.0.0.1:${port}`] }));
    await catalog.services.ingestion.registerLocation(url);
  });
  afterAll(async () => {
    await catalog?.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it('asks with HEAD while the ETag stays, and reads again when it changes', async () => {
    const counts = catalog.services.ingestion.reads.counts;
    const wait = async (test: () => boolean | Promise<boolean>) => {
      // Bounded (up to 200 intervals), not a speed assertion.
      for (let attempt = 0; attempt < 200 && !(await test()); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await test()).toBe(true);
    };
    await wait(() => counts.skipped >= 1);
    const gets = requests.GET;
    const skipped = counts.skipped;
    await wait(() => counts.skipped >= skipped + 3);
    expect(requests.GET).toBe(gets);
    expect(requests.HEAD).toBeGreaterThanOrEqual(3);

    body = componentYaml('after');
    const refs = async () => (await catalog.services.prisma.entity.findMany({ select: { ref: true } })).map((row) => row.ref);
    await wait(async () => (await refs()).includes('component:default/after'));
    expect(requests.GET).toBeGreaterThan(gets);
  });
});
