import type { ApolloServer } from '@apollo/server';
import { applyMigrations } from '../database/applyMigrations';
import { openDatabase, type Database, type DatabaseOptions } from '../database/openDatabase';
import { ALLOW_ALL_POLICY, type Policy } from '../permissions/definePolicy';
import { decodeIdentity, IDENTITY_HEADER } from '../permissions/identityHeader';
import { bindRequestAccess, createRequestAccess } from '../permissions/requestAccess';
import { DEFAULT_EVENT_RETENTION_MS, pruneEventsEvery } from '../events/eventRetention';
import { eventsInDatabase, type EventSource } from '../events/eventSources';
import { EVENTS_PATH, eventsRoute } from '../events/eventsRoute';
import { requireGatewaySignature } from '../security/requireGatewaySignature';
import { assertUsableSecret } from '../security/subgraphSecret';
import { createSubgraphServer } from './createSubgraphServer';
import { createGraphQLHandler } from './graphqlHandler';
import { healthRoute, listen, type ListeningServer } from './httpServer';
import type { SubgraphModule, SubgraphRuntime } from './subgraphModule';

export interface StartSubgraphOptions {
  port: number;
  host?: string;
  databaseUrl: string;
  database?: DatabaseOptions;
  runtime: SubgraphRuntime;
  /**
   * The secret the gateway signs its requests with: /graphql refuses (401) anything not
   * signed with it. `null` turns the check off, for `--insecure-dev` only.
   */
  gatewaySecret: string | null;
  /** How old a gateway signature may be. Default 60 s. */
  signatureMaxAgeMs?: number;
  /** Most `_entities` representations one request may carry. Default 1,000. */
  maxEntityRepresentations?: number;
  /** Largest request body. Default 1 MB. */
  maxBodyBytes?: number;
  /**
   * Decides what each caller may do (docs/permissions.md); resolvers ask through
   * `requestAccess(context)`. Default: everything is allowed (the gateway decides who
   * gets this far).
   */
  policy?: Policy;
}

export interface RunningSubgraph<Services = unknown> {
  name: string;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql. */
  url: string;
  port: number;
  services: Services;
  /** Its event log read in process, when the module publishes events (its HTTP twin is `POST /events`). */
  events?: EventSource;
  /** Drains requests, then releases services and closes the database (PGlite flushes). */
  stop(): Promise<void>;
}

/** Opens the database, migrates it, and serves the subgraph at /graphql with /healthz and /readyz. */
export async function startSubgraph<Services, Context extends object>(
  module: SubgraphModule<Services, Context>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph<Services>> {
  if (options.gatewaySecret !== null) assertUsableSecret(options.gatewaySecret, 'The gateway secret');
  const policy = options.policy ?? ALLOW_ALL_POLICY;
  const database = await openDatabase(options.databaseUrl, options.database);
  let services: Services | undefined;
  let http: ListeningServer | undefined;
  let apollo: ApolloServer<Context> | undefined;
  let stopping: Promise<void> | undefined;
  let stopPruning: (() => void) | undefined;
  // Idempotent: a test may stop one subgraph early and the whole platform later.
  const stop = () =>
    (stopping ??= (async () => {
      stopPruning?.();
      await http?.close();
      await apollo?.stop();
      if (services !== undefined) await module.disposeServices?.(services);
      await database.close();
    })());
  try {
    await applyMigrations(database.sql, module.migrationsDir);
    services = await module.createServices(database, options.runtime);
    const ready = services;
    apollo = createSubgraphServer(module, { maxEntityRepresentations: options.maxEntityRepresentations, log: options.runtime.log });
    await apollo.start();
    const guard =
      options.gatewaySecret === null
        ? undefined
        : requireGatewaySignature({
            secret: options.gatewaySecret,
            maxAgeMs: options.signatureMaxAgeMs,
            log: (line) => options.runtime.log(`${module.name}: ${line}`),
          });
    http = await listen(
      {
        // No CORS headers: browsers never call a subgraph, only the gateway does.
        '/graphql': createGraphQLHandler(apollo, {
          context: async (request) => {
            const context = await module.createContext(ready, request);
            // The identity header is trusted because the guard checked the signature over it
            // (with --insecure-dev there is no guard, and it is taken as sent).
            const header = request.headers[IDENTITY_HEADER];
            bindRequestAccess(context, createRequestAccess(policy, decodeIdentity(Array.isArray(header) ? header.join(', ') : header), options.gatewaySecret, options.runtime));
            return context;
          },
          maxBodyBytes: options.maxBodyBytes,
          guard,
        }),
        ...(module.events ? { [EVENTS_PATH]: eventsRoute(module.name, database.reads, guard) } : {}),
        '/healthz': healthRoute(async () => ({ subgraph: module.name })),
        '/readyz': healthRoute(async () => readiness(module.name, database)),
        ...module.routes?.(ready),
      },
      { port: options.port, host: options.host, log: options.runtime.log },
    );
    const url = `http://${options.host ?? '127.0.0.1'}:${http.port}/graphql`;
    await module.afterStart?.(ready, options.runtime);
    const events = module.events ? eventsInDatabase(module.name, database.reads) : undefined;
    if (module.events) {
      const log = (line: string) => options.runtime.log(`${module.name}: ${line}`);
      stopPruning = pruneEventsEvery(database.sql, module.eventRetentionMs ?? DEFAULT_EVENT_RETENTION_MS, log);
    }
    return { name: module.name, url, port: http.port, services: ready, events, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

async function readiness(name: string, database: Database) {
  await database.sql.query('SELECT 1');
  return { subgraph: name, database: database.kind };
}
