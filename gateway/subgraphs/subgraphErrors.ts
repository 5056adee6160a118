import { DomainError } from '../../kit';

/**
 * A subgraph could not be reached or answered with something that is not GraphQL. The
 * message names the subgraph and nothing else: its URL and the socket error stay in the
 * gateway's log.
 */
export class SubgraphUnavailableError extends DomainError {
  readonly code = 'SUBGRAPH_UNAVAILABLE';
  constructor(serviceName: string) {
    super(`Subgraph "${serviceName}" is unavailable`, { serviceName });
  }
}

/**
 * A subgraph refused the gateway's query as invalid against its own schema: the schema it
 * runs differs from the one the supergraph was composed from (redeployed, not published).
 * The message names the subgraph and what its schema refused, so the skew reads as one.
 */
export class SubgraphSchemaSkewError extends DomainError {
  readonly code = 'SUBGRAPH_SCHEMA_SKEW';
  constructor(serviceName: string, refusals: string[]) {
    super(
      `Subgraph "${serviceName}" runs a schema that differs from the supergraph's (publish it to the registry, or roll it back): ${refusals.join('; ')}`,
      { serviceName },
    );
  }
}

/** A subgraph did not answer within the gateway's per-fetch timeout. */
export class SubgraphTimeoutError extends DomainError {
  readonly code = 'SUBGRAPH_TIMEOUT';
  constructor(serviceName: string, timeoutMs: number) {
    super(`Subgraph "${serviceName}" did not answer within ${timeoutMs} ms`, { serviceName });
  }
}

/** Raised by the fetcher when its timer fires; the data source turns it into SubgraphTimeoutError. */
export class FetchTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`);
    this.name = 'FetchTimeoutError';
  }
}

/**
 * Raised when a pooled keep-alive connection turns out to be closed before any answer
 * came back: the request never reached a handler, so a query may safely be sent again.
 */
export class StaleConnectionError extends Error {
  constructor(readonly cause: Error) {
    super(`The pooled connection was closed before an answer: ${cause.message}`);
    this.name = 'StaleConnectionError';
  }
}
