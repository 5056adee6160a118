/**
 * `npm run gateway`: the gateway alone, over subgraphs running anywhere.
 *
 *   npm run gateway -- --port 4000 --subgraph catalog=http://127.0.0.1:4001/graphql [--subgraph ...]
 *   npm run gateway -- --port 4000 --supergraph supergraph.graphql
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startGateway, type SupergraphSource } from '../gateway/startGateway';
import { SUBGRAPHS } from '../supergraph.config';
import { exitWith, log, onShutdown, parsePort, parseSubgraphUrls } from './runtimeOptions';

const USAGE = `Usage: npm run gateway -- [options]
  --port <n>                 port (default: $PORT or 4000)
  --host <address>           address to listen on (default: 127.0.0.1)
  --subgraph <name>=<url>    compose from this running subgraph (repeatable); the default
                             is every known subgraph on its default port
  --supergraph <file>        serve a supergraph composed by \`npm run compose\` (no introspection)`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      subgraph: { type: 'string', multiple: true, default: [] },
      supergraph: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (values.supergraph && values.subgraph.length) throw new Error('Give either --supergraph or --subgraph, not both');
  const supergraph: SupergraphSource = values.supergraph
    ? { kind: 'sdl', supergraphSdl: readFileSync(values.supergraph, 'utf8') }
    : {
        kind: 'subgraphs',
        subgraphs: values.subgraph.length
          ? parseSubgraphUrls(values.subgraph)
          : SUBGRAPHS.map((entry) => ({ name: entry.name, url: `http://127.0.0.1:${entry.port}/graphql` })),
      };
  const gateway = await startGateway({ port: parsePort(values.port ?? process.env.PORT, 4000), host: values.host, supergraph, log });
  onShutdown(gateway.stop);
  log(`gateway ready at ${gateway.url}`);
}

main().catch(exitWith);
