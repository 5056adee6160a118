import type { GraphQLRequest } from '@apollo/server';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { IncomingMessage } from 'node:http';
import {
  ALLOW_ALL_POLICY,
  bindRequestAccess,
  createRequestAccess,
  createSubgraphServer,
  type CallerIdentity,
  type EntityGraph,
  type Policy,
  type SubgraphModule,
} from '../../kit';

export interface InProcessSubgraphOptions {
  /** The same policy the subgraph's HTTP server was given (default: allow all, as startSubgraph). */
  policy?: Policy;
  /** The same cap the HTTP server applies. Default 1,000, as startSubgraph. */
  maxEntityRepresentations?: number;
  /** The secret gateway and subgraphs share: lets the module act on its caller's behalf (RequestAccess.onBehalfHeaders). */
  secret?: string | null;
  /** Where plugin writes ask whether an entity exists: the subgraph's runtime (SubgraphRuntime.gatewayUrl). */
  graph?: EntityGraph;
  log: (line: string) => void;
}

/** What a gateway data source answers. */
export type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** A subgraph the gateway can call without a socket: same schema, resolvers, services and rules. */
export interface InProcessSubgraph {
  name: string;
  execute(request: Pick<GraphQLRequest, 'query' | 'variables' | 'operationName' | 'extensions'>, identity: CallerIdentity): Promise<SubgraphResponse>;
  stop(): Promise<void>;
}

// Modules build their context from the request only for headers they never read in
// process; an empty request keeps their signature satisfied without inventing one.
const NO_HTTP_REQUEST = { headers: {}, method: 'POST', url: '/graphql' } as IncomingMessage;

/**
 * The subgraph's GraphQL server, built exactly as startSubgraph builds it (same schema,
 * representation cap, error formatting, policy binding) on the services the running
 * subgraph already opened, but executed by a direct call. What the HTTP path adds and
 * this one does not: the signature check (nothing crosses a socket: the call is
 * trusted, as any function call in the process is) and JSON encoding both ways.
 * The caller's identity is the gateway's, passed as the value the identity header
 * would have carried after verification.
 */
export async function createInProcessSubgraph<Services, Context extends object>(
  module: SubgraphModule<Services, Context>,
  services: Services,
  options: InProcessSubgraphOptions,
): Promise<InProcessSubgraph> {
  const policy = options.policy ?? ALLOW_ALL_POLICY;
  const server = createSubgraphServer(module, { maxEntityRepresentations: options.maxEntityRepresentations, log: options.log });
  await server.start();
  return {
    name: module.name,
    execute: async (request, identity) => {
      const context = await module.createContext(services, NO_HTTP_REQUEST);
      bindRequestAccess(context, createRequestAccess(policy, identity, options.secret ?? null, options.graph));
      const response = await server.executeOperation(
        { query: request.query, variables: request.variables, operationName: request.operationName, extensions: request.extensions },
        { contextValue: context },
      );
      if (response.body.kind !== 'single') throw new Error(`Subgraph ${module.name} answered an incremental response in process`);
      const { data, errors, extensions } = response.body.singleResult;
      return { data, errors, extensions } as SubgraphResponse;
    },
    stop: () => server.stop(),
  };
}
