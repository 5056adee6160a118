/**
 * One bench gateway process over subgraphs running elsewhere (serveHost.ts), for the
 * "separate processes" comparison:
 * - `ensemble`: Ensemble's gateway (startGateway) as `npm run gateway` runs it;
 * - `apollo-default`: `@apollo/gateway` in `@apollo/server`'s standalone server with
 *   default configuration. The one addition: its default fetcher signs each body, since
 *   the subgraphs answer only signed requests (Ensemble's gateway signs too).
 * Both count subgraph fetches. Started by run.ts with one JSON argument.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { startGateway } from '../gateway/startGateway';
import { countSubgraphFetches } from '../gateway/performance/countSubgraphFetches';
import { signedHeaders } from '../kit';
import { announceReady, Counters, startControlServer } from './controlServer';

interface GatewayConfig {
  kind: 'ensemble' | 'apollo-default';
  port: number;
  secret: string;
  subgraphs: { name: string; url: string }[];
  hoistLiterals: boolean;
  leanPath: boolean;
  documentTemplates: boolean;
}

async function main() {
  const config = JSON.parse(process.argv[2]) as GatewayConfig;
  const log = (line: string) => process.stderr.write(`[${config.kind}] ${line}\n`);
  const counters = new Counters();
  const onFetch = (subgraph: string) => counters.add(`fetches:${config.kind}`, subgraph);
  let url: string;
  if (config.kind === 'ensemble') {
    const gateway = await startGateway({
      port: config.port,
      host: '127.0.0.1',
      supergraph: { kind: 'subgraphs', subgraphs: config.subgraphs },
      subgraphSecret: config.secret,
      log,
      performance: { hoistLiterals: config.hoistLiterals, leanPath: config.leanPath, documentTemplates: config.documentTemplates, onSubgraphFetch: onFetch },
    });
    url = `http://127.0.0.1:${gateway.port}/graphql`;
  } else {
    const gateway = new ApolloGateway({
      supergraphSdl: new IntrospectAndCompose({ subgraphs: config.subgraphs }),
      buildService: ({ name, url: subgraphUrl }) => {
        const source = new RemoteGraphQLDataSource({ url: subgraphUrl });
        const fetcher = source.fetcher;
        source.fetcher = (target, init = {}) =>
          fetcher(target, { ...init, headers: { ...(init.headers as Record<string, string>), ...signedHeaders(config.secret, String(init.body ?? '')) } });
        return countSubgraphFetches(name, source, onFetch);
      },
    });
    const server = new ApolloServer({ gateway });
    ({ url } = await startStandaloneServer(server, { listen: { port: config.port, host: '127.0.0.1' } }));
  }
  const control = await startControlServer(() => counters.read(), () => counters.reset());
  announceReady({ controlUrl: control.url, targets: { [config.kind]: url } });
  process.on('SIGTERM', () => process.exit(0));
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
