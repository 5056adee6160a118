import { GraphQLError, Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { ToolFailure } from './ToolFailure';

/** The longest operation text a tool accepts; the gateway's own limits apply after this. */
export const MAX_OPERATION_CHARS = 20_000;

/**
 * The operation a document would run, checked to be a query: MCP's GraphQL paths are
 * read-only, so a mutation or subscription is refused here, before the gateway sees it.
 * Parsing is bounded (length, and graphql-js's token limit) so that a huge text costs
 * nothing; everything else (fields, depth, cost, permissions) is the gateway's to judge.
 */
export function readOnlyOperation(text: string, operationName?: string): { document: DocumentNode; operation: OperationDefinitionNode } {
  if (text.length > MAX_OPERATION_CHARS) {
    throw new ToolFailure(`The operation is ${text.length} characters; at most ${MAX_OPERATION_CHARS} are accepted. Ask for fewer fields.`, 'BAD_USER_INPUT');
  }
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens: 5_000 });
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : String(error);
    throw new ToolFailure(`The operation does not parse: ${message}`, 'GRAPHQL_PARSE_FAILED');
  }
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) {
    const names = operations.map((candidate) => candidate.name?.value ?? '(anonymous)').join(', ');
    throw new ToolFailure(
      operationName ? `No operation named "${operationName}" in the document (it has: ${names})` : `The document has ${operations.length} operations (${names}); name one with "operationName"`,
      'BAD_USER_INPUT',
    );
  }
  if (operation.operation !== 'query') {
    throw new ToolFailure(
      `Only queries run here: this is a ${operation.operation}. Catalog writes go through the write tools (apply_descriptors, register_location, refresh_location) when the server allows them.`,
      'OPERATION_NOT_ALLOWED',
    );
  }
  return { document, operation };
}
