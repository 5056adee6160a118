import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { getOperationAST } from 'graphql';
import type { Fetcher, SubgraphCall } from './createSubgraphFetcher';
import { FetchTimeoutError, StaleConnectionError, SubgraphSchemaSkewError, SubgraphTimeoutError, SubgraphUnavailableError } from './subgraphErrors';

type SubgraphAnswer = Awaited<ReturnType<GraphQLDataSource['process']>>;

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  fetcher: Fetcher;
  timeoutMs: number;
  log: (line: string) => void;
}

/**
 * How the gateway calls one subgraph: the operation POSTed as JSON through the gateway's
 * fetcher, the answer's `data`, `errors` and `extensions` handed back. A failed call
 * becomes one error that names the subgraph and carries SUBGRAPH_UNAVAILABLE or
 * SUBGRAPH_TIMEOUT, so the subgraph's fields come back null and the rest of the response
 * stands; the URL and the cause go to the log. A query whose pooled connection was found
 * closed before any answer is sent once more on a fresh one (the subgraph never saw it);
 * a mutation never is.
 *
 * Not `RemoteGraphQLDataSource`: per call it builds fetch `Headers`, a `Request` it only
 * keeps for error hooks, and a copy of the answer, about 0.4 ms of gateway CPU per fetch
 * (profiled under the bench's list100Total). What it does besides, Ensemble does not
 * use: APQ, hooks, and cache hints (the subgraphs send none, so an answer that used one
 * is never cacheable; see `process`).
 */
export class SubgraphDataSource<TContext extends Record<string, any> = Record<string, any>> implements GraphQLDataSource<TContext> {
  constructor(private readonly subgraph: SubgraphDataSourceOptions) {}

  async process(options: GraphQLDataSourceProcessOptions<TContext>): Promise<SubgraphAnswer> {
    const { query, variables, operationName, extensions } = options.request;
    if (!query) throw this.failure(new Error('Missing query'));
    const call: SubgraphCall = { method: 'POST', headers: this.headersFor(options), body: JSON.stringify({ query, variables, operationName, extensions }) };
    const answer = await this.sendOnceMore(call, options);
    // The subgraphs send no cache hints: as RemoteGraphQLDataSource concludes from the missing header, never cacheable.
    if ('incomingRequestContext' in options) options.incomingRequestContext.overallCachePolicy?.restrict?.({ maxAge: 0 });
    return answer;
  }

  /** The headers of one call; IdentityForwardingDataSource adds the caller's. */
  protected headersFor(_options: GraphQLDataSourceProcessOptions<TContext>): Record<string, string> {
    return { 'content-type': 'application/json' };
  }

  /** The call, and once more if it met a stale pooled connection and is not a mutation. */
  private async sendOnceMore(call: SubgraphCall, options: GraphQLDataSourceProcessOptions<TContext>): Promise<SubgraphAnswer> {
    try {
      return await this.send(call);
    } catch (error) {
      if (error instanceof StaleConnectionError && !isMutation(options)) {
        try {
          return await this.send(call);
        } catch (retryError) {
          throw this.failure(retryError);
        }
      }
      throw this.failure(error);
    }
  }

  private async send(call: SubgraphCall): Promise<SubgraphAnswer> {
    const response = await this.subgraph.fetcher(this.subgraph.url, call);
    const text = response.text();
    if (!response.ok) throw schemaSkew(this.subgraph.name, response.status, text) ?? new Error(`${response.status} ${response.statusText}: ${text.slice(0, 200)}`);
    const answer: unknown = JSON.parse(text);
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) throw new Error(`Expected a JSON object, received: ${text.slice(0, 200)}`);
    // Parsed here, so the gateway's own: read as is (`data`, `errors`, `extensions`), no copy.
    return answer as SubgraphAnswer;
  }

  private failure(error: unknown): Error {
    const { name, url, timeoutMs, log } = this.subgraph;
    log(`subgraph ${name} (${url}) failed: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof SubgraphSchemaSkewError) return error;
    return error instanceof FetchTimeoutError ? new SubgraphTimeoutError(name, timeoutMs) : new SubgraphUnavailableError(name);
  }
}

/** At most this many of the subgraph's validation messages go into the skew error. */
const MAX_SKEW_MESSAGES = 3;

/**
 * A 400 whose errors are all GRAPHQL_VALIDATION_FAILED: the subgraph is up but its schema
 * does not have what the supergraph says it has.
 */
function schemaSkew(name: string, status: number, text: string): SubgraphSchemaSkewError | null {
  if (status !== 400) return null;
  let answer: { errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  try {
    answer = JSON.parse(text);
  } catch {
    return null;
  }
  const errors = Array.isArray(answer?.errors) ? answer.errors : [];
  if (!errors.length || !errors.every((error) => error?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && typeof error.message === 'string')) return null;
  return new SubgraphSchemaSkewError(name, errors.slice(0, MAX_SKEW_MESSAGES).map((error) => String(error.message).slice(0, 300)));
}

function isMutation(options: GraphQLDataSourceProcessOptions<any>): boolean {
  const document = 'document' in options ? options.document : undefined;
  if (document) return getOperationAST(document, options.request.operationName)?.operation === 'mutation';
  return /^\s*mutation\b/.test(options.request.query ?? '');
}
