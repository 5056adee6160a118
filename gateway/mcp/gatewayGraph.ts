import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { CallerIdentity } from '../../kit';
import type { GatewayContext } from '../auth/IdentityForwardingDataSource';
import type { GraphResponse, McpGraph } from './McpGraph';
import { ToolFailure } from './ToolFailure';

/** Who an identity is, in an audit line. */
export function callerName(identity: CallerIdentity): string {
  return identity.type === 'user' ? identity.userEntityRef : identity.type;
}

/**
 * The gateway's own graph for one authenticated caller: Apollo Server's request pipeline
 * (operation limits, persisted-document rules, plan cache, error masking) with the
 * caller's identity in the context, so subgraphs apply the caller's permissions exactly
 * as for a request to /graphql. Nothing goes over the network twice.
 */
export function gatewayGraph(server: ApolloServer<GatewayContext>, identity: CallerIdentity, schema: () => GraphQLSchema | undefined): McpGraph {
  return {
    caller: callerName(identity),
    async execute(query, variables, operationName): Promise<GraphResponse> {
      const response = await server.executeOperation({ query, variables, operationName }, { contextValue: { identity } });
      if (response.body.kind !== 'single') throw new ToolFailure('Incremental delivery (@defer, @stream) is not served over MCP', 'BAD_USER_INPUT');
      const { data, errors } = response.body.singleResult;
      return { data: data ?? null, errors: errors?.map((error) => ({ message: error.message, path: error.path, extensions: error.extensions })) };
    },
    async schema() {
      const current = schema();
      if (!current) throw new ToolFailure('The gateway has not loaded its supergraph yet; try again in a moment', 'SERVICE_UNAVAILABLE');
      return current;
    },
  };
}
