import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How busy a database's connections are, read when /metrics is scraped. */
export interface DatabaseLoad {
  /** PostgreSQL: the pool's connections, idle ones, and callers waiting for one. */
  pool?: { total: number; idle: number; waiting: number };
  /** Embedded PGlite: statements sent and not yet answered (one connection serves them in turn). */
  queueDepth?: number;
}

/** What an ingestion reports, read when /metrics is scraped (the catalog registers it). */
export interface IngestionLoad {
  /** Seconds the most overdue location is past its due time (0 when none is overdue). */
  lagSeconds: number;
  /** Locations due and not yet read. */
  queueDepth: number;
}

/**
 * One Prometheus registry per process and the instruments every Ensemble process shares
 * (docs/operations.md lists them). Labels stay bounded: `service` is a process role or a
 * subgraph name, `route` one of a server's own paths, `code` an error code the code defines.
 */
export interface ProcessMetrics {
  registry: Registry;
  /** HTTP answers by service, route and status code. */
  requests: Counter<'service' | 'route' | 'status'>;
  requestDuration: Histogram<'service' | 'route'>;
  /** GraphQL errors in answers, by `extensions.code`. */
  graphqlErrors: Counter<'service' | 'code'>;
  /** The gateway's calls to each subgraph, `outcome` ok or error. */
  subgraphFetchDuration: Histogram<'subgraph' | 'outcome'>;
  /** Locations read, by outcome (`ok`, `failed`), for the ingestion to count. */
  ingestionReads: Counter<'service' | 'outcome'>;
  /** Reports `load()` as the service's database gauges until the returned function is called. */
  watchDatabase(service: string, load: () => DatabaseLoad): () => void;
  /** Reports `load()` as the service's ingestion gauges until the returned function is called. */
  watchIngestion(service: string, load: () => IngestionLoad): () => void;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A fresh registry with every instrument (tests use their own; processes share `processMetrics()`). */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): ProcessMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'ensemble_' });
  const registers = [registry];
  const databases = new Map<string, () => DatabaseLoad>();
  const ingestions = new Map<string, () => IngestionLoad>();
  const watch = <T>(sources: Map<string, T>, service: string, source: T) => {
    sources.set(service, source);
    return () => {
      if (sources.get(service) === source) sources.delete(service);
    };
  };
  new Gauge({
    name: 'ensemble_database_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting: callers queued for a connection)',
    labelNames: ['service', 'state'],
    registers,
    collect() {
      this.reset();
      for (const [service, load] of databases) {
        const pool = load().pool;
        if (pool) for (const state of ['total', 'idle', 'waiting'] as const) this.set({ service, state }, pool[state]);
      }
    },
  });
  new Gauge({
    name: 'ensemble_database_queue_depth',
    help: 'Embedded PGlite: statements sent and not yet answered',
    labelNames: ['service'],
    registers,
    collect() {
      this.reset();
      for (const [service, load] of databases) {
        const depth = load().queueDepth;
        if (depth !== undefined) this.set({ service }, depth);
      }
    },
  });
  new Gauge({
    name: 'ensemble_ingestion_lag_seconds',
    help: 'Seconds the most overdue location is past its due time',
    labelNames: ['service'],
    registers,
    collect() {
      this.reset();
      for (const [service, load] of ingestions) this.set({ service }, load().lagSeconds);
    },
  });
  new Gauge({
    name: 'ensemble_ingestion_queue_depth',
    help: 'Locations due and not yet read',
    labelNames: ['service'],
    registers,
    collect() {
      this.reset();
      for (const [service, load] of ingestions) this.set({ service }, load().queueDepth);
    },
  });
  const latency = <Label extends string>(name: string, help: string, labelNames: Label[]) =>
    new Histogram<Label>({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers });
  return {
    registry,
    requests: new Counter({ name: 'ensemble_http_requests_total', help: 'HTTP answers by service, route and status code', labelNames: ['service', 'route', 'status'], registers }),
    requestDuration: latency('ensemble_http_request_duration_seconds', 'Time from request to the end of the answer', ['service', 'route']),
    graphqlErrors: new Counter({ name: 'ensemble_graphql_errors_total', help: 'GraphQL errors in answers, by extensions.code', labelNames: ['service', 'code'], registers }),
    subgraphFetchDuration: latency('ensemble_subgraph_fetch_duration_seconds', "The gateway's calls to each subgraph", ['subgraph', 'outcome']),
    ingestionReads: new Counter({ name: 'ensemble_ingestion_reads_total', help: 'Locations read, by outcome', labelNames: ['service', 'outcome'], registers }),
    watchDatabase: (service, load) => watch(databases, service, load),
    watchIngestion: (service, load) => watch(ingestions, service, load),
  };
}

let shared: ProcessMetrics | undefined;

/** The process's registry: every server of one process (all of them under `npm start`) reports into it. */
export function processMetrics(): ProcessMetrics {
  return (shared ??= createMetrics());
}
