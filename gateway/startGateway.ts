import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { createFormatError, createGraphQLHandler, healthRoute, listen } from '../kit';

/** Where the supergraph comes from: composed from running subgraphs, or a composed file's SDL. */
export type SupergraphSource =
  | { kind: 'subgraphs'; subgraphs: { name: string; url: string }[] }
  | { kind: 'sdl'; supergraphSdl: string };

export interface GatewayOptions {
  port: number;
  host?: string;
  supergraph: SupergraphSource;
  log: (line: string) => void;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Stops accepting, finishes requests in flight, then stops the gateway. */
  stop(): Promise<void>;
}

/** `@apollo/gateway` inside `@apollo/server`, served over `node:http` with health checks. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const gateway = new ApolloGateway(
    options.supergraph.kind === 'sdl'
      ? { supergraphSdl: options.supergraph.supergraphSdl }
      : { supergraphSdl: new IntrospectAndCompose({ subgraphs: options.supergraph.subgraphs }) },
  );
  const server = new ApolloServer({
    gateway,
    // Entry points own shutdown order (gateway, then subgraphs, then databases).
    stopOnTerminationSignals: false,
    formatError: createFormatError((error) => options.log(`gateway: ${error instanceof Error ? error.stack : String(error)}`)),
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await server.start();
  const http = await listen(
    {
      '/graphql': createGraphQLHandler(server, { context: async () => ({}) }),
      '/healthz': healthRoute(async () => ({ service: 'gateway' })),
    },
    { port: options.port, host: options.host, log: options.log },
  );
  return {
    url: `http://${options.host === '0.0.0.0' ? 'localhost' : (options.host ?? 'localhost')}:${http.port}/graphql`,
    port: http.port,
    stop: async () => {
      await http.close();
      await server.stop();
    },
  };
}
