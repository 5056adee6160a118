import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** For tests of `url` locations: serves `files` (path to text, changeable while it runs) on loopback; 404 for the rest. */
export async function serveFiles(files: Record<string, string>): Promise<{ base: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const body = files[request.url ?? ''];
    response.statusCode = body ? 200 : 404;
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
