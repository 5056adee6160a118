import { GraphQLError, type ASTNode } from 'graphql';

/**
 * A validation error for an operation over one of the gateway's limits. Apollo files every
 * validation error under GRAPHQL_VALIDATION_FAILED; `validationErrorCode` (Apollo's own
 * convention) carries the reason, and the kit's formatError makes it the code.
 */
export function limitError(code: string, message: string, node: ASTNode): GraphQLError {
  return new GraphQLError(message, { nodes: [node], extensions: { validationErrorCode: code } });
}
