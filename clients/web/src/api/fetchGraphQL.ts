import type { TypedDocumentString } from '../../../generated/graphql';

/** A GraphQL error as the gateway sends it. */
export interface GraphQLErrorShape {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; serviceName?: string; [key: string]: unknown };
}

/** A response: data (possibly partial) and every error, never thrown, so pages can degrade. */
export interface GraphQLResult<TResult> {
  data: TResult | null;
  errors: GraphQLErrorShape[];
}

/** The request itself failed: no GraphQL response came back (network down, not JSON). */
export class GraphQLRequestError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

/**
 * Posts one codegen-typed operation to the gateway. Resolves with partial data and errors
 * alike (a down plugin is an error beside data, not a failure); rejects only when there
 * is no GraphQL response at all.
 */
export async function fetchGraphQL<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: { url?: string; signal?: AbortSignal } = {},
): Promise<GraphQLResult<TResult>> {
  let response: Response;
  try {
    response = await fetch(options.url ?? '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new GraphQLRequestError(`Could not reach the gateway: ${error instanceof Error ? error.message : String(error)}`);
  }
  let body: { data?: TResult | null; errors?: GraphQLErrorShape[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLRequestError(`The gateway answered ${response.status} without a GraphQL response`, response.status);
  }
  if (body.data === undefined && !body.errors?.length) {
    throw new GraphQLRequestError(`The gateway answered ${response.status} without data or errors`, response.status);
  }
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
