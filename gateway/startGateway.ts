import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { assertUsableSecret, createFormatError, createGraphQLHandler, healthRoute, listen, type HttpHandler, type Routes } from '../kit';
import { parseCorsOrigins, withCors } from './http/withCors';
import { readinessRoute } from './http/readinessRoute';
import { pluginFieldsRoute } from './http/pluginFieldsRoute';
import { useOperationLimits, type OperationLimits } from './limits/operationLimits';
import { combineFeatures } from './limits/serverFeature';
import { checkSubgraphs } from './subgraphs/checkSubgraphs';
import { createSubgraphAgents, createSubgraphFetcher } from './subgraphs/createSubgraphFetcher';
import { createAuthenticator, type GatewayAuthOptions } from './auth/createAuthenticator';
import { IdentityForwardingDataSource, type GatewayContext } from './auth/IdentityForwardingDataSource';
import { identityOf, withAuthentication } from './auth/withAuthentication';
import { gatewayPerformanceFeatures, type GatewayPerformanceOptions } from './performance/gatewayPerformanceFeatures';
import { usePersistedDocuments, type PersistedDocumentsOptions } from './persistedDocuments/usePersistedDocuments';
import { useRateLimit, type RateLimitOptions } from './limits/useRateLimit';
import { followRegistry, type RegistrySourceOptions } from './registry/followRegistry';
import { supergraphVersionHeader } from './registry/supergraphVersionHeader';
import { useUsageReporting } from './registry/useUsageReporting';
import { mcpRoutes, type GatewayMcpOptions } from './mcp/mcpRoutes';
import { processMetrics, type ProcessMetrics } from '../kit/observability/metrics';
import { countGraphQLErrors } from '../kit/observability/countGraphQLErrors';
import { observeSubgraphFetches, withTraceparent } from '../kit/observability/observeSubgraphFetches';
import { tracingEnabled } from '../kit/observability/tracing';
import { createSubscriptions, type GatewaySubscriptionOptions } from './subscriptions/createSubscriptions';

/** Where the supergraph comes from: composed from running subgraphs, or a composed file's SDL. */
export type SupergraphSource =
  | { kind: 'subgraphs'; subgraphs: { name: string; url: string }[] }
  | { kind: 'sdl'; supergraphSdl: string }
  /** Followed live from the schema registry (docs/registry.md); usage is reported to it unless `reportUsage` is false. */
  | ({ kind: 'registry'; reportUsage?: boolean; usageFlushIntervalMs?: number } & RegistrySourceOptions);

export interface GatewayOptions {
  port: number;
  host?: string;
  supergraph: SupergraphSource;
  log: (line: string) => void;
  /** Signs every subgraph request with this shared secret; `null` signs nothing (`--insecure-dev`). */
  subgraphSecret: string | null;
  /** Turns introspection and "Did you mean" suggestions off. Default false. */
  production?: boolean;
  /** Operation limits; each one missing keeps its default (DEFAULT_OPERATION_LIMITS). */
  limits?: Partial<OperationLimits>;
  /** Largest request body, answered 413 above it. Default 1 MB. */
  maxBodyBytes?: number;
  /** Browser origins that may call the gateway. Default: its own http://localhost:<port> and http://127.0.0.1:<port>. */
  corsOrigins?: string[];
  /** Per subgraph fetch, connecting to last byte. Default 10 s. */
  subgraphTimeoutMs?: number;
  /** Per subgraph, for /readyz. Default 2 s. */
  readinessTimeoutMs?: number;
  /** How long stop() waits for requests in flight before cutting them. Default 15 s. */
  drainTimeoutMs?: number;
  /**
   * How callers authenticate (docs/permissions.md). Default `{ anonymous: true }`: no
   * credentials needed, every caller anonymous; the entry points decide otherwise.
   */
  auth?: GatewayAuthOptions;
  /**
   * The clients' operations (`clients/generated/persisted-documents.json`): hash-only
   * requests are answered from it, and with `require` nothing else is accepted.
   */
  persistedDocuments?: PersistedDocumentsOptions;
  /** More routes on the gateway's port (`npm start` serves the schema registry's API there). */
  routes?: Routes;
  /** Serves every path besides /graphql and the health checks: the web UI. Default: 404 there. */
  webApp?: HttpHandler;
  /** In-process subgraph calls, plan-cache keys, the lean path, fetch counting (gateway/performance). */
  performance?: GatewayPerformanceOptions;
  /** The MCP server at /mcp (gateway/mcp). Default `{ mode: 'read-only' }`. */
  mcp?: GatewayMcpOptions;
  /** Where its numbers go: default the process's registry (kit/observability/metrics.ts). */
  metrics?: ProcessMetrics;
  /** Bearer token GET /metrics requires; without one only loopback callers may read it. */
  metricsToken?: string;
  /** Operations per caller per minute, counted across replicas (in Redis when configured). Default: no limit. */
  rateLimit?: Omit<RateLimitOptions, 'log'>;
  /**
   * `Subscription.entityChanged` over graphql-ws on /graphql and graphql-sse on
   * /graphql/stream (gateway/subscriptions, docs/feed.md). Absent: no subscriptions.
   */
  subscriptions?: GatewaySubscriptionOptions;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Stops accepting, finishes requests in flight, then stops the gateway. */
  stop(): Promise<void>;
}

/** `@apollo/gateway` inside `@apollo/server`, served over `node:http` with health checks. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  if (options.subgraphSecret !== null) assertUsableSecret(options.subgraphSecret, 'The subgraph secret');
  const configuredOrigins = options.corsOrigins && parseCorsOrigins(options.corsOrigins);
  const production = options.production ?? false;
  const subgraphTimeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const agents = createSubgraphAgents();
  const metrics = options.metrics ?? processMetrics();
  const signedFetcher = createSubgraphFetcher({ timeoutMs: subgraphTimeoutMs, secret: options.subgraphSecret, agents });
  // Subgraph calls carry the trace on only when tracing is on: no header copy otherwise.
  const fetcher = tracingEnabled() ? withTraceparent(signedFetcher) : signedFetcher;
  const probe = createSubgraphFetcher({ timeoutMs: options.readinessTimeoutMs ?? 2_000, secret: options.subgraphSecret, agents });
  // Filled as the gateway builds a data source per subgraph of the supergraph it loads.
  const subgraphs = new Map<string, string>();
  const limits = combineFeatures(useOperationLimits(options.limits));
  const performance = gatewayPerformanceFeatures(options.performance ?? {}, options.log, limits.parseOptions);
  const source = options.supergraph;
  const follower = source.kind === 'registry' ? followRegistry({ ...source, log: options.log }) : undefined;
  const usage =
    source.kind === 'registry' && source.reportUsage !== false
      ? useUsageReporting({ url: source.url, token: source.token, flushIntervalMs: source.usageFlushIntervalMs, log: options.log })
      : undefined;
  const gateway = new ApolloGateway({
    ...(source.kind === 'sdl'
      ? { supergraphSdl: source.supergraphSdl }
      : source.kind === 'registry'
        ? { supergraphSdl: follower!.hook }
        : { supergraphSdl: new IntrospectAndCompose({ subgraphs: source.subgraphs }) }),
    buildService: ({ name, url }) => {
      if (!url) throw new Error(`Subgraph ${name} has no URL in the supergraph`);
      subgraphs.set(name, url);
      const remote = new IdentityForwardingDataSource({ name, url, fetcher, timeoutMs: subgraphTimeoutMs, log: options.log });
      return performance.dataSource(name, observeSubgraphFetches(name, remote, metrics));
    },
    ...performance.gatewayConfig,
  });
  let supergraphLoaded = false;
  let apiSchema: GraphQLSchema | undefined;
  const pluginFields = pluginFieldsRoute();
  gateway.onSchemaLoadOrUpdate((loaded) => {
    supergraphLoaded = true;
    apiSchema = loaded.apiSchema;
    pluginFields.update(loaded.coreSupergraphSdl, loaded.apiSchema);
  });
  const authenticate = createAuthenticator(options.auth ?? { anonymous: true }, Date.now, options.subgraphSecret);
  const persisted = options.persistedDocuments && usePersistedDocuments(options.persistedDocuments);
  const server = new ApolloServer<GatewayContext>({
    ...(persisted ? { persistedQueries: persisted.persistedQueries } : {}),
    gateway: performance.gateway(gateway),
    documentStore: performance.documentStore,
    // Entry points own shutdown order (gateway, then subgraphs, then databases).
    stopOnTerminationSignals: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    formatError: createFormatError((error) => options.log(`gateway: ${error instanceof Error ? error.stack : String(error)}`), {
      hideSuggestions: production,
    }),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    maxRecursiveSelections: limits.maxRecursiveSelections,
    plugins: [ApolloServerPluginLandingPageDisabled(), ...limits.plugins, ...(persisted ? [persisted.plugin] : []), ...performance.plugins,
      ...(follower ? [supergraphVersionHeader(follower.version)] : []), ...(usage ? [usage.plugin] : []), countGraphQLErrors(metrics, 'gateway'),
      ...(options.rateLimit ? [useRateLimit({ ...options.rateLimit, log: options.log })] : [])],
  });
  await server.start();
  let port = options.port;
  const ownOrigins = () => new Set([`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  const allowedOrigins = configuredOrigins ? () => configuredOrigins : ownOrigins;
  const subscriptions =
    options.subscriptions &&
    createSubscriptions({
      ...options.subscriptions,
      server,
      subgraphUrls: subgraphs,
      schema: () => apiSchema,
      authenticate,
      validationRules: limits.validationRules,
      parseOptions: limits.parseOptions,
      allowedOrigins,
      production,
      log: options.log,
    });
  const http = await listen(
    {
      ...options.routes,
      '/graphql': withCors(
        withAuthentication(
          createGraphQLHandler(server, { context: async (request) => ({ identity: identityOf(request) }), maxBodyBytes: options.maxBodyBytes }),
          authenticate,
          options.log,
        ),
        allowedOrigins,
      ),
      ...(subscriptions ? { '/graphql/stream': withCors(withAuthentication(subscriptions.sse, authenticate, options.log), allowedOrigins) } : {}),
      ...mcpRoutes({
        mcp: options.mcp ?? { mode: 'read-only' },
        server,
        schema: () => apiSchema,
        authenticate,
        log: options.log,
        host: options.host,
        maxBodyBytes: options.maxBodyBytes,
      }),
      // Which plugin owns which Entity field, for the clients' generic plugin cards (clients/sdk/pluginFields.ts).
      '/plugins': withCors(withAuthentication(pluginFields.route, authenticate, options.log), configuredOrigins ? () => configuredOrigins : ownOrigins),
      '/healthz': healthRoute(async () => ({ service: 'gateway' })),
      '/readyz': readinessRoute(async () => ({
        supergraphLoaded,
        ...(follower ? { supergraphVersion: follower.version() } : {}),
        subgraphs: await checkSubgraphs(subgraphs, probe),
      })),
    },
    {
      port: options.port,
      host: options.host,
      log: options.log,
      fallback: options.webApp,
      // Public: a caller's traceparent does not pick the trace its request lands in.
      observe: { metrics, service: 'gateway', metricsToken: options.metricsToken, traceparent: 'ignore' },
    },
  );
  port = http.port;
  subscriptions?.attach(http.server, '/graphql');
  return {
    url: `http://${options.host === '0.0.0.0' ? 'localhost' : (options.host ?? 'localhost')}:${http.port}/graphql`,
    port: http.port,
    stop: async () => {
      // WebSockets would keep the HTTP server open: they go first.
      await subscriptions?.close();
      await http.close({ drainTimeoutMs: options.drainTimeoutMs });
      await server.stop();
      await usage?.stop();
      agents.http.destroy();
      agents.https.destroy();
      await options.rateLimit?.counters.close();
    },
  };
}
