import { SpanKind } from '@opentelemetry/api';
import type { ProcessMetrics } from './metrics';
import { injectTraceparent, inSpan } from './tracing';

/** The one method the gateway calls on a data source (Apollo's GraphQLDataSource). */
interface DataSource<Options, Answer> {
  process(options: Options): Promise<Answer>;
}

/**
 * The same data source, timing each call into ensemble_subgraph_fetch_duration_seconds and,
 * when tracing is on, running it in a client span (whose traceparent the fetcher sends on:
 * see withTraceparent).
 */
export function observeSubgraphFetches<Options, Answer>(name: string, source: DataSource<Options, Answer>, metrics: ProcessMetrics): DataSource<Options, Answer> {
  return {
    process: async (options) => {
      const end = metrics.subgraphFetchDuration.startTimer({ subgraph: name });
      try {
        const answer = await inSpan(`subgraph ${name}`, { 'ensemble.subgraph': name }, () => source.process(options), SpanKind.CLIENT);
        end({ outcome: 'ok' });
        return answer;
      } catch (error) {
        end({ outcome: 'error' });
        throw error;
      }
    },
  };
}

/**
 * A fetcher that adds the active span's W3C `traceparent` to each call's headers. The
 * signature covers body and identity, not this header: it names a trace and nothing else,
 * and a subgraph reads nothing but a well-formed trace id from it (tracing.ts).
 */
export function withTraceparent<Call extends { headers?: Record<string, string> }, Answer>(
  fetch: (url: string, call?: Call) => Promise<Answer>,
): (url: string, call?: Call) => Promise<Answer> {
  return (url, call) => {
    const headers = { ...call?.headers };
    injectTraceparent(headers);
    return fetch(url, { ...call, headers } as Call);
  };
}
