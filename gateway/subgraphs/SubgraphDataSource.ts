import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { getOperationAST } from 'graphql';
import type { Fetcher } from './createSubgraphFetcher';
import { FetchTimeoutError, StaleConnectionError, SubgraphTimeoutError, SubgraphUnavailableError } from './subgraphErrors';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  fetcher: Fetcher;
  timeoutMs: number;
  log: (line: string) => void;
}

/**
 * How the gateway calls one subgraph. A failed call becomes one error that names the
 * subgraph and carries SUBGRAPH_UNAVAILABLE or SUBGRAPH_TIMEOUT, so the subgraph's fields
 * come back null and the rest of the response stands; the URL and the cause go to the log.
 * A query whose pooled connection was found closed before any answer is sent once more
 * on a fresh one (the subgraph never saw it); a mutation never is.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource {
  private readonly subgraph: SubgraphDataSourceOptions;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url, fetcher: options.fetcher });
    this.subgraph = options;
  }

  override async process(options: GraphQLDataSourceProcessOptions): ReturnType<RemoteGraphQLDataSource['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof StaleConnectionError && !isMutation(options)) {
        try {
          return await super.process(options);
        } catch (retryError) {
          throw this.failure(retryError);
        }
      }
      throw this.failure(error);
    }
  }

  private failure(error: unknown): Error {
    const { name, url, timeoutMs, log } = this.subgraph;
    log(`subgraph ${name} (${url}) failed: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof FetchTimeoutError ? new SubgraphTimeoutError(name, timeoutMs) : new SubgraphUnavailableError(name);
  }
}

function isMutation(options: GraphQLDataSourceProcessOptions): boolean {
  const document = 'document' in options ? options.document : undefined;
  if (document) return getOperationAST(document, options.request.operationName)?.operation === 'mutation';
  return /^\s*mutation\b/.test(options.request.query ?? '');
}
