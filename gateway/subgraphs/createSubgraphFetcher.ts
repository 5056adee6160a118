import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { urlToHttpOptions } from 'node:url';
import { IDENTITY_HEADER, signedHeaders } from '../../kit';
import { BufferedResponse } from './BufferedResponse';
import { FetchTimeoutError, StaleConnectionError } from './subgraphErrors';

/** One call to a subgraph: a JSON body (the data source's operation, or the readiness probe's) and its headers. */
export interface SubgraphCall {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export type Fetcher = (url: string, call?: SubgraphCall) => Promise<BufferedResponse>;

export interface SubgraphFetcherOptions {
  /** The whole exchange, connecting to last byte, must fit in this. */
  timeoutMs: number;
  /** Signs every body (`x-ensemble-signature`); `null` sends no signature. */
  secret: string | null;
  agents: SubgraphAgents;
  /** Larger answers are cut off: a subgraph gone wrong must not exhaust the gateway. Default 64 MB. */
  maxResponseBytes?: number;
}

export interface SubgraphAgents {
  http: HttpAgent;
  https: HttpsAgent;
}

/**
 * Keep-alive connection pools for subgraph calls. Idle sockets are dropped after 30 s,
 * well before the subgraphs' 65 s keep-alive timeout, so the gateway never writes to a
 * socket the subgraph is closing.
 */
export function createSubgraphAgents(): SubgraphAgents {
  const options = { keepAlive: true, maxSockets: 256, maxFreeSockets: 64, timeout: 30_000, scheduling: 'lifo' as const };
  return { http: new HttpAgent(options), https: new HttpsAgent(options) };
}

/**
 * How the gateway's data sources (and its readiness probe) call subgraphs: `node:http` over the
 * keep-alive agents, a hard timeout on every call, the gateway's signature on every body,
 * and no retries (the data source decides, and never retries a mutation). The answer is
 * read whole and handed back as a BufferedResponse (see there why not a fetch Response).
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions): Fetcher {
  const maxResponseBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
  const targetOf = rememberTargets();
  return (url, init = {}) =>
    new Promise((resolve, reject) => {
      const target = targetOf(url);
      const body = init.body ?? '';
      const given = init.headers ?? {};
      const headers: Record<string, string> = {
        ...given,
        'content-length': String(Buffer.byteLength(body)),
        // The caller's identity (set by IdentityForwardingDataSource) is signed with the body.
        ...(options.secret === null ? {} : signedHeaders(options.secret, body, Date.now(), given[IDENTITY_HEADER])),
      };
      const https = target.protocol === 'https:';
      let answered = false;
      let settled = false;
      const settle = (error: Error | undefined, response?: BufferedResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(response!);
      };
      const onResponse = (incoming: IncomingMessage) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxResponseBytes) request.destroy(new Error(`Answer larger than ${maxResponseBytes} bytes`));
          else chunks.push(chunk);
        });
        incoming.on('error', (error) => settle(error));
        incoming.on('end', () => {
          try {
            settle(undefined, toResponse(url, incoming, Buffer.concat(chunks)));
          } catch (error) {
            settle(error as Error);
          }
        });
      };
      const request = (https ? httpsRequest : httpRequest)(
        { ...target, method: init.method ?? 'POST', headers, agent: https ? options.agents.https : options.agents.http },
        onResponse,
      );
      // Settled first, so a half-read answer still reports the timeout; destroying the
      // socket also keeps the agent from handing it out again.
      const timer = setTimeout(() => {
        settle(new FetchTimeoutError(options.timeoutMs));
        request.destroy();
      }, options.timeoutMs);
      request.on('error', (error: NodeJS.ErrnoException) => {
        const stale = !answered && request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        settle(stale ? new StaleConnectionError(error) : error);
      });
      request.end(body);
    });
}

/**
 * A URL's request options, parsed once: the fetcher is called with the same few
 * subgraph URLs, several times per operation.
 */
function rememberTargets(max = 100): (url: string) => RequestOptions {
  const targets = new Map<string, RequestOptions>();
  return (url) => {
    let target = targets.get(url);
    if (!target) {
      target = urlToHttpOptions(new URL(url));
      if (targets.size >= max) targets.clear();
      targets.set(url, target);
    }
    return target;
  };
}

function toResponse(url: string, incoming: IncomingMessage, body: Buffer): BufferedResponse {
  const status = incoming.statusCode ?? 502;
  // Subgraphs answer JSON: text is all the data source reads.
  return new BufferedResponse(url, status, incoming.statusMessage ?? '', body.toString('utf8'));
}
