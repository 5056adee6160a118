import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import type { GraphResponse, McpGraph } from '../../../gateway/mcp/McpGraph';
import { ToolFailure } from '../../../gateway/mcp/ToolFailure';
import type { ClientError, EnsembleClient } from '../../sdk';

/**
 * The gateway over HTTP as `ensemble mcp`'s graph: every tool call is a request with the
 * CLI's token, so the gateway authenticates, limits and authorizes it as any other.
 * The schema is read once by introspection (descriptions included).
 */
export function remoteGraph(client: EnsembleClient, caller: string): McpGraph {
  let schema: Promise<GraphQLSchema> | undefined;
  const execute = async (query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphResponse> => {
    const result = await client.request<Record<string, unknown>, Record<string, unknown>>(query, variables, operationName);
    if (result.ok) return { data: result.data };
    if (result.error.kind === 'graphql') return { data: result.data, errors: result.error.errors };
    throw transportFailure(result.error);
  };
  return {
    caller,
    execute,
    schema() {
      schema ??= execute(getIntrospectionQuery({ descriptions: true })).then((response) => {
        if (!response.data) throw ToolFailure.fromGraphErrors(response.errors ?? []);
        return buildClientSchema(response.data as unknown as IntrospectionQuery);
      });
      // A failure is not remembered: the gateway may allow it next time (it was starting).
      schema.catch(() => (schema = undefined));
      return schema;
    },
  };
}

function transportFailure(error: Exclude<ClientError, { kind: 'graphql' }>): ToolFailure {
  if (error.kind === 'http' && error.status === 401) {
    return new ToolFailure('The gateway refused the credentials: start `ensemble mcp` with a valid --token (or ENSEMBLE_TOKEN)', 'UNAUTHENTICATED');
  }
  return new ToolFailure(`The gateway did not answer: ${error.message}`, error.kind === 'timeout' ? 'TIMEOUT' : 'NETWORK');
}
