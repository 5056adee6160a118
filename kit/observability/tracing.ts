import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry traces, off unless started: every helper below checks `tracer` first and
 * does nothing else when it is unset, so a process without OTEL_EXPORTER_OTLP_ENDPOINT pays
 * one comparison per request, fetch and statement.
 */
let tracer: Tracer | undefined;

/** Only W3C `traceparent` is read and written: no `tracestate`, no baggage (nothing a caller could smuggle). */
const w3c = new W3CTraceContextPropagator();

export interface Tracing {
  /** Sends what is buffered and stops tracing. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** `service.name` of every span (`ensemble-gateway`, `ensemble-catalog`...). */
  serviceName: string;
  exporter: SpanExporter;
  /** Export each span as it ends (tests) instead of in batches. */
  immediate?: boolean;
}

export function tracingEnabled(): boolean {
  return tracer !== undefined;
}

/** Starts tracing for the whole process (one provider, context carried across `await` by AsyncLocalStorage). */
export function startTracing(options: TracingOptions): Tracing {
  if (tracer) throw new Error('Tracing is already started in this process');
  const processor = options.immediate ? new SimpleSpanProcessor(options.exporter) : new BatchSpanProcessor(options.exporter);
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': options.serviceName }), spanProcessors: [processor] });
  provider.register({ propagator: w3c });
  tracer = provider.getTracer('ensemble');
  return {
    shutdown: async () => {
      tracer = undefined;
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
}

/**
 * Tracing as configured by OpenTelemetry's own variables: on when OTEL_EXPORTER_OTLP_ENDPOINT
 * is set (the exporter reads it, and OTEL_EXPORTER_OTLP_HEADERS, itself), off otherwise.
 */
export function startTracingFromEnv(env: NodeJS.ProcessEnv, serviceName: string): Tracing | undefined {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  return startTracing({ serviceName: env.OTEL_SERVICE_NAME || serviceName, exporter: new OTLPTraceExporter() });
}

/** `fn` inside a span named `name` (a child of the active one) when tracing is on; just `fn` otherwise. */
export function inSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>, kind: SpanKind = SpanKind.INTERNAL): Promise<T> {
  if (!tracer) return fn();
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Adds the active span's `traceparent` to outgoing headers (the gateway's subgraph calls). */
export function injectTraceparent(headers: Record<string, string>): void {
  if (tracer) w3c.inject(context.active(), headers, defaultTextMapSetter);
}

/** The active span's trace id, for log lines. */
export function activeTraceId(): string | undefined {
  if (!tracer) return undefined;
  const span = trace.getSpan(context.active());
  return span?.spanContext().traceId;
}

/** A W3C traceparent is 55 characters; anything longer is not one and is not parsed. */
const TRACEPARENT_LENGTH = 55;

/**
 * Handles one HTTP request inside a server span. With `followTraceparent` (subgraphs, which
 * only signed gateway calls reach) a well-formed `traceparent` makes it a child of the
 * caller's span; it only ever names a trace: nothing else is read from it.
 */
export function inRequestSpan(
  info: { service: string; route: string; followTraceparent: boolean },
  request: IncomingMessage,
  response: ServerResponse,
  handle: () => Promise<void>,
): Promise<void> {
  if (!tracer) return handle();
  const given = request.headers.traceparent;
  const parent =
    info.followTraceparent && typeof given === 'string' && given.length === TRACEPARENT_LENGTH
      ? w3c.extract(ROOT_CONTEXT, { traceparent: given }, defaultTextMapGetter)
      : ROOT_CONTEXT;
  const span = tracer.startSpan(
    `${request.method ?? 'GET'} ${info.route}`,
    { kind: SpanKind.SERVER, attributes: { 'ensemble.service': info.service, 'http.request.method': request.method ?? 'GET', 'http.route': info.route } },
    parent,
  );
  response.once('close', () => {
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return context.with(trace.setSpan(parent, span), handle);
}
