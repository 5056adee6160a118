import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProcessMetrics } from './metrics';
import { inRequestSpan } from './tracing';

/** What a server reports about its requests, and where its /metrics come from. */
export interface ObserveOptions {
  metrics: ProcessMetrics;
  /** The `service` label: gateway, registry, or the subgraph's name. */
  service: string;
  /** Bearer token /metrics requires; without one only loopback callers may read it (metricsRoute). */
  metricsToken?: string;
  /**
   * Whether an incoming W3C `traceparent` continues a trace: `follow` on subgraphs (their
   * callers are signed gateways), `ignore` on public servers, where a caller must not pick
   * the trace its requests land in. Default `ignore`.
   */
  traceparent?: 'follow' | 'ignore';
}

/**
 * The `route` label of a request: a path the server routes, `other` for the fallback (the
 * web UI's many paths), `unmatched` for a 404. Never the raw path: labels stay bounded.
 */
export function routeLabel(routes: Record<string, unknown>, path: string, hasFallback: boolean): string {
  if (Object.hasOwn(routes, path)) return path;
  return hasFallback ? 'other' : 'unmatched';
}

/** Runs one request's handling, counting its answer and timing it (and in a span when tracing is on). */
export function observeRequest(observe: ObserveOptions, route: string, request: IncomingMessage, response: ServerResponse, handle: () => Promise<void>): Promise<void> {
  const { metrics, service } = observe;
  const end = metrics.requestDuration.startTimer({ service, route });
  response.once('close', () => {
    end();
    // An answer cut before its headers went out counts as 499, nginx's "client closed".
    metrics.requests.inc({ service, route, status: response.headersSent ? String(response.statusCode) : '499' });
  });
  return inRequestSpan({ service, route, followTraceparent: observe.traceparent === 'follow' }, request, response, handle);
}
