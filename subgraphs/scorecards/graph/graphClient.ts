import type { GraphResponse } from './graphResponse';

export interface GraphClientOptions {
  /** The gateway's GraphQL endpoint; may be given later with `connect` (see README). */
  url?: string;
  /** How long one request may take, connecting to last byte. */
  timeoutMs: number;
  /**
   * An API token the gateway knows, sent as `Authorization: Bearer <token>`: needed
   * whenever the gateway refuses anonymous callers. Scorecards then see what the token's
   * identity may see.
   */
  token?: string;
}

/**
 * How this subgraph reads the rest of the graph: through the gateway, as any client
 * does, so it sees every plugin's fields and every plugin's failure the same way.
 * In-process platforms start the gateway after the subgraphs, so the URL can be
 * given after start (`connect`).
 */
export class GraphClient {
  private url: string | null;
  /** Headers that make the gateway act as one caller, sent instead of the token (see `asCaller`). */
  private caller: Record<string, string> | null = null;

  constructor(private readonly options: GraphClientOptions) {
    this.url = options.url ?? null;
  }

  /**
   * This client reading as the caller of one request: `headers` are the caller's
   * delegation (kit's `requestAccess(context).onBehalfHeaders()`), sent instead of the
   * token, so the gateway answers with exactly what that caller may read. Null (a subgraph
   * with no secret, `--insecure-dev`) keeps the token. The view shares the URL and
   * `shared` (what caches across requests are keyed by) with this client.
   */
  asCaller(headers: Record<string, string> | null): GraphClient {
    if (headers === null) return this;
    const view = Object.create(this) as GraphClient;
    view.caller = headers;
    return view;
  }

  /** The client views were made from: one per gateway. */
  get shared(): GraphClient {
    return Object.getPrototypeOf(this) instanceof GraphClient ? (Object.getPrototypeOf(this) as GraphClient).shared : this;
  }

  /** Points the client at the gateway. */
  connect(url: string): void {
    this.url = url;
  }

  /** Where it sends queries; null until it knows. */
  get gatewayUrl(): string | null {
    return this.url;
  }

  /**
   * Sends one operation. Resolves with the gateway's answer, errors included; rejects with
   * a GraphUnavailableError when there is no answer (no URL, refused, timed out, not GraphQL).
   */
  async query<Data>(query: string, variables: Record<string, unknown>): Promise<GraphResponse<Data>> {
    if (!this.url) throw new GraphUnavailableError('the scorecards subgraph was not told where the gateway is');
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(this.caller ?? (this.options.token ? { authorization: `Bearer ${this.options.token}` } : {})),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new GraphUnavailableError(timedOut ? `no answer within ${this.options.timeoutMs} ms` : 'the gateway could not be reached');
    }
    if (response.status === 401) {
      await response.body?.cancel();
      throw new GraphUnavailableError(
        this.caller
          ? 'the gateway refused to act for the caller (is the subgraph secret the same on both?)'
          : this.options.token
          ? 'the gateway refused the scorecards token (SCORECARDS_GATEWAY_TOKEN)'
          : 'the gateway wants credentials: give scorecards an API token (SCORECARDS_GATEWAY_TOKEN)',
      );
    }
    const body = (await response.json().catch(() => undefined)) as GraphResponse<Data> | undefined;
    if (!body || typeof body !== 'object' || (!('data' in body) && !('errors' in body))) {
      throw new GraphUnavailableError(`the gateway answered HTTP ${response.status} without GraphQL`);
    }
    return body;
  }
}

/** The gateway could not be asked, or gave no GraphQL answer. */
export class GraphUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'GraphUnavailableError';
  }
}
