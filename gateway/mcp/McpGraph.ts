import type { GraphQLSchema } from 'graphql';

/** One GraphQL error as the gateway answers it. */
export interface GraphErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** A GraphQL response: data, errors, or both (a plugin down costs only its fields). */
export interface GraphResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphErrorEntry[];
}

/**
 * The graph as one caller sees it. Every tool reaches Ensemble only through this, so the
 * caller's credentials, the policy and the gateway's operation limits apply to each call:
 * in the gateway it is Apollo Server's own pipeline with the caller's identity, under
 * `ensemble mcp` it is the gateway over HTTP with the caller's token.
 */
export interface McpGraph {
  /** Who is calling, for the audit log: a user ref or `anonymous`. */
  readonly caller: string;
  execute(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphResponse>;
  /** The composed API schema, descriptions included: what `describe_graph` reads. */
  schema(): Promise<GraphQLSchema>;
}
