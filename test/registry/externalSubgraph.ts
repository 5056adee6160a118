/**
 * A subgraph from outside this repository, for the registry's end-to-end test: a plain
 * @apollo/subgraph server that imports nothing of Ensemble's and refuses requests the
 * gateway did not sign (the check is the snippet in docs/registry.md). It serves the
 * SDL file it is given; its resolvers answer every field any version of it has.
 *
 *   EXTERNAL_SECRET=<gateway secret> node --import tsx test/registry/externalSubgraph.ts <port> <sdl file>
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

// --- the verification snippet of docs/registry.md ---------------------------------------
/** True when `x-ensemble-signature` is the gateway's HMAC of this body, signed within 60 s. */
function signedByGateway(secret: string, headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const parts = new Map(String(headers['x-ensemble-signature'] ?? '').split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const identity = headers['x-ensemble-identity'];
  const given = parts.get(identity === undefined ? 'v1' : 'v2') ?? '';
  if (!Number.isSafeInteger(t) || Math.abs(Date.now() - t) > 60_000 || !/^[0-9a-f]{64}$/.test(given)) return false;
  const payload = identity === undefined ? `${t}.${body}` : `v2.${t}.${identity}.${body}`;
  const expected = createHmac('sha256', secret).update(payload).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
// -----------------------------------------------------------------------------------------

const WEATHER = { summary: 'sunny', headline: 'sunny', temperature: 21, humidity: 40, pressure: 1013 };

async function main() {
  const [port, sdlFile] = process.argv.slice(2);
  const secret = process.env.EXTERNAL_SECRET ?? '';
  if (!secret) throw new Error('EXTERNAL_SECRET is required');
  const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs: parse(readFileSync(sdlFile, 'utf8')), resolvers: { Query: { weather: () => WEATHER } } }) });
  await server.start();
  const http = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    if (!signedByGateway(secret, request.headers, body)) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"message":"not signed by the gateway"}]}');
      return;
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'POST', headers, search: '', body: JSON.parse(body || '{}') },
      context: async () => ({}),
    });
    response.writeHead(answer.status ?? 200, Object.fromEntries(answer.headers));
    response.end(answer.body.kind === 'complete' ? answer.body.string : '');
  });
  http.keepAliveTimeout = 65_000;
  http.listen(Number(port), '127.0.0.1', () => console.log(`external subgraph ready on ${port}`));
  process.on('SIGTERM', () => http.close(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
