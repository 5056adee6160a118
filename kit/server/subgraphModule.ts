import type { IncomingMessage } from 'node:http';
import type { DocumentNode } from 'graphql';
import type { Database } from '../database/openDatabase';
import type { HttpHandler } from './graphqlHandler';

/** What a subgraph is told about the run it is part of; entry points fill it in. */
export interface SubgraphRuntime {
  /** Load the project's demo data (the demo catalog, plugin demo data). */
  demo: boolean;
  /** Extra descriptor files to register at start (the catalog uses them; plugins ignore them). */
  locations: string[];
  log: (line: string) => void;
  /**
   * Serve before the first reads end (`npm start`): the catalog queues its locations and
   * returns at once; their progress is in the log and in `locations`, and a location that
   * cannot be read is logged, not fatal. Default: start-up waits for them.
   */
  readInBackground?: boolean;
  /**
   * The gateway's GraphQL URL: plugin writes ask it, on their caller's behalf, whether the
   * entity they name exists (kit's requireReadableEntity). Without it such writes are refused.
   */
  gatewayUrl?: string;
  /** Writes do not ask the gateway: only for a subgraph tested alone (kit/testing sets it when no gatewayUrl is given). */
  uncheckedEntityRefs?: boolean;
}

/**
 * Everything the kit needs to run one subgraph. A subgraph folder exports one of these
 * from its `index.ts`; it never writes its own server bootstrap.
 */
export interface SubgraphModule<Services = unknown, Context extends object = object> {
  name: string;
  typeDefs: DocumentNode;
  /** Its resolver map, typed by codegen's `Resolvers` for the subgraph's own schema. */
  resolvers: object;
  /**
   * Text bounds of arguments that need another than the default 4,096 characters,
   * `Type.field.argument` to characters (kit's limitArguments); say each in the schema.
   */
  argumentTextLimits?: Record<string, number>;
  /** Its Prisma migrations folder (`prisma/<name>/migrations`), applied on start. */
  migrationsDir: string;
  /** Builds what resolvers use (its Prisma client, services) on the opened database. */
  createServices(database: Database, runtime: SubgraphRuntime): Services | Promise<Services>;
  /** The per-request context; loaders hang off it lazily (see `requestScoped`). */
  createContext(services: Services, request: IncomingMessage): Context | Promise<Context>;
  /** Runs once it is listening: the catalog loads its locations here, plugins seed demo data. */
  afterStart?(services: Services, runtime: SubgraphRuntime): Promise<void>;
  /**
   * The changes it records in its own `event_log` (kit/events), e.g. `['PIPELINE_FAILED']`:
   * when set, the kit serves them at the signed `POST /events` (see docs/feed.md).
   */
  events?: readonly string[];
  /** How long its events are kept (pruned hourly by the kit). Default 30 days. */
  eventRetentionMs?: number;
  /** Routes beside /graphql and the health checks (a CI webhook, say). */
  routes?(services: Services): Record<string, HttpHandler>;
  /** Waits for work in flight and releases what createServices opened; the kit closes the database after. */
  disposeServices?(services: Services): Promise<void>;
}
