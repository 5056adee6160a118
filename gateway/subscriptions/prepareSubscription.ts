import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ParseOptions, type ValidationRule } from 'graphql';

export interface SubscriptionRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface PreparedSubscription {
  document: DocumentNode;
  operationName: string | undefined;
  variableValues: Record<string, unknown> | undefined;
}

export interface PrepareOptions {
  /** The composed API schema; undefined before the gateway loaded one. */
  schema: GraphQLSchema | undefined;
  /** The gateway's own limits (depth, cost, aliases, tokens...): a subscription's selection obeys them too. */
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

/**
 * Checks a subscription request before anything is read for it: well-formed, valid against
 * the composed API schema under the gateway's limits, and a subscription (queries and
 * mutations go to `POST /graphql`).
 */
export function prepareSubscription(request: SubscriptionRequest, options: PrepareOptions): PreparedSubscription | GraphQLError[] {
  const bad = (message: string, code = 'BAD_USER_INPUT') => [new GraphQLError(message, { extensions: { code } })];
  if (!options.schema) return bad('The gateway has not loaded its schema yet', 'SERVICE_UNAVAILABLE');
  if (typeof request.query !== 'string' || request.query.length === 0) return bad('Send the subscription as a non-empty string in "query"');
  if (request.operationName !== undefined && request.operationName !== null && typeof request.operationName !== 'string') return bad('"operationName" must be a string');
  const variables = request.variables ?? undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return bad('"variables" must be an object');
  let document: DocumentNode;
  try {
    document = parse(request.query, options.parseOptions);
  } catch (error) {
    return [error instanceof GraphQLError ? new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }) : new GraphQLError('Unparsable query')];
  }
  const errors = validate(options.schema, document, [...specifiedRules, ...options.validationRules]);
  if (errors.length > 0) return errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...error.extensions } }));
  const operationName = (request.operationName as string | null | undefined) ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) return bad(operationName ? `No operation named "${operationName}"` : 'Name the operation to run: the document has several');
  if (operation.operation !== 'subscription') {
    return bad(`Only subscriptions are served here; send a ${operation.operation} as POST /graphql`);
  }
  return { document, operationName, variableValues: (variables as Record<string, unknown> | null | undefined) ?? undefined };
}
