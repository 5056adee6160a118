import { startTracingFromEnv, type Tracing } from '../kit/observability/tracing';
import { log } from './runtimeOptions';

/** Bearer token every process's GET /metrics requires (docs/operations.md); unset: loopback callers only. */
export const METRICS_TOKEN_VARIABLE = 'ENSEMBLE_METRICS_TOKEN';

export function metricsTokenFromEnv(): string | undefined {
  return process.env[METRICS_TOKEN_VARIABLE] || undefined;
}

/**
 * Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, and returns `stop`
 * wrapped so that buffered spans are sent before the process exits.
 */
export function withTracing(serviceName: string): (stop: () => Promise<void>) => () => Promise<void> {
  const tracing: Tracing | undefined = startTracingFromEnv(process.env, serviceName);
  return (stop) => async () => {
    await stop();
    // A collector that is down costs the last spans, not a clean exit.
    await tracing?.shutdown().catch((error: unknown) => log(`traces not sent at shutdown: ${error instanceof Error ? error.message : String(error)}`));
  };
}

export const OBSERVABILITY_USAGE = `Observability: GET /metrics (Prometheus; $${METRICS_TOKEN_VARIABLE} as a bearer token, else
loopback callers only); traces over OTLP when $OTEL_EXPORTER_OTLP_ENDPOINT is set; JSON logs
with ENSEMBLE_LOG_FORMAT=json or NODE_ENV=production (docs/operations.md).`;
