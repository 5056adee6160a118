/** One error as a GraphQL server reports it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/**
 * The ways a request can fail, as values: each has a `kind` to switch on, and each is an
 * Error so that an iterator can throw it and a stack trace still says where.
 */
export type ClientError = NetworkError | TimeoutError | HttpError | GraphQLErrors;

/** The endpoint could not be reached: refused, reset, unknown host. Nothing was answered. */
export class NetworkError extends Error {
  readonly kind = 'network';
  constructor(
    readonly endpoint: string,
    readonly cause: unknown,
  ) {
    super(`Cannot reach ${endpoint}: ${describeCause(cause)}`);
    this.name = 'NetworkError';
  }
}

/** No complete answer within the client's timeout. */
export class TimeoutError extends Error {
  readonly kind = 'timeout';
  constructor(
    readonly endpoint: string,
    readonly timeoutMs: number,
  ) {
    super(`No answer from ${endpoint} within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

/** The server answered, but not with GraphQL: a proxy's 502, a 401 page, a 413. */
export class HttpError extends Error {
  readonly kind = 'http';
  constructor(
    readonly status: number,
    /** The start of the body, for the message; never the whole of a large page. */
    readonly bodyStart: string,
  ) {
    super(`HTTP ${status}${bodyStart ? `: ${bodyStart}` : ''}`);
    this.name = 'HttpError';
  }
}

/**
 * The server answered with GraphQL errors. Data that came with them (a plugin down costs
 * only its fields) is kept beside this error in the result, never thrown away.
 */
export class GraphQLErrors extends Error {
  readonly kind = 'graphql';
  constructor(
    readonly errors: GraphQLErrorEntry[],
    readonly status: number,
  ) {
    super(errors.map((error) => error.message).join('; ') || 'GraphQL error');
    this.name = 'GraphQLErrors';
  }

  /** `extensions.code` of every error (e.g. `NOT_FOUND`, `BAD_USER_INPUT`), `UNKNOWN` where missing. */
  get codes(): string[] {
    return this.errors.map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN'));
  }
}

function describeCause(cause: unknown): string {
  // Node's fetch says only "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND...)
  // in `cause`. Duck-typed: errors from another realm (a test sandbox) fail `instanceof`.
  const inner = (cause as { cause?: { message?: unknown; code?: unknown } } | null)?.cause;
  if (inner && typeof inner.message === 'string' && inner.message) return inner.message;
  if (inner && typeof inner.code === 'string') return inner.code;
  const message = (cause as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(cause);
}
