import path from 'node:path';
import { applyMigrations, InputError, NotFoundError, openDatabase, type Database, type SqlExecutor } from '../kit';
import type { PublishedSubgraph } from './checks/composeCandidate';
import type { PersistedDocumentSet } from './checks/knownOperations';
import { runChecks, type CheckReport } from './checks/runChecks';
import { currentSupergraph, currentVersion, insertSupergraph, supergraphByVersion, supergraphHistory, type SupergraphRow } from './data/supergraphRows';
import { insertSubgraphSchema } from './data/subgraphSchemaRows';
import { recordUsage, type OperationUsage } from './data/usageRows';
import { CheckFailedError } from './registryErrors';

const MIGRATIONS = path.join(__dirname, 'migrations');
/** Serialises publishes and rollbacks across registry replicas: each composes on top of the last. */
const PUBLISH_LOCK = 7301552;

export const DEFAULT_USAGE_WINDOW_MS = 7 * 86_400_000;

export interface RegistryOptions {
  /** Its database URL (postgres://…, file:<dir>, memory://), as a subgraph's. */
  databaseUrl: string;
  /** Persisted documents the operations check protects (the clients' manifest). */
  persisted?: PersistedDocumentSet[];
  /** How far back recorded traffic counts in the operations check. Default 7 days. */
  usageWindowMs?: number;
  now?: () => Date;
  /** Where embedded PGlite keeps pre-migrated snapshots (kit/database/pgliteSnapshot.ts); none by default. */
  pgliteSnapshotDir?: string;
}

export interface PublishRequest extends PublishedSubgraph {
  publishedBy: string;
  force?: boolean;
  reason?: string;
}

export interface PublishOutcome {
  /** False when the schema and URL were already the published ones: nothing new was stored. */
  published: boolean;
  /** The supergraph version gateways will now serve. */
  version: number;
  report: CheckReport;
}

export type HistoryEntry = Awaited<ReturnType<typeof supergraphHistory>>[number];

/** The schema registry: published subgraphs, composed supergraphs, and reported usage (docs/registry.md). */
export interface Registry {
  check(candidate: PublishedSubgraph | (Omit<PublishedSubgraph, 'url'> & { url?: string })): Promise<CheckReport>;
  publish(request: PublishRequest): Promise<PublishOutcome>;
  rollback(version: number, by: string, reason?: string): Promise<{ version: number; restored: number }>;
  history(limit: number): Promise<HistoryEntry[]>;
  current(): Promise<SupergraphRow | null>;
  currentVersion(): Promise<number | null>;
  recordUsage(usage: OperationUsage[]): Promise<void>;
  close(): Promise<void>;
}

/** Opens (and migrates) the registry's database. */
export async function createRegistry(options: RegistryOptions): Promise<Registry> {
  const pgliteSnapshot = options.pgliteSnapshotDir ? { migrationsDir: MIGRATIONS, cacheDir: options.pgliteSnapshotDir } : undefined;
  const database = await openDatabase(options.databaseUrl, { pgliteSnapshot });
  try {
    await applyMigrations(database.sql, MIGRATIONS);
  } catch (error) {
    await database.close();
    throw error;
  }
  return registryOn(database, options);
}

function registryOn(database: Database, options: RegistryOptions): Registry {
  const now = options.now ?? (() => new Date());
  const context = () => ({ persisted: options.persisted ?? [], usageWindowMs: options.usageWindowMs ?? DEFAULT_USAGE_WINDOW_MS, now: now() });
  const locked = <T>(work: (tx: SqlExecutor) => Promise<T>) =>
    database.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
      return work(tx);
    });
  return {
    async check(candidate) {
      const url = candidate.url ?? (await currentUrlOf(database.sql, candidate.name));
      return (await runChecks(database.sql, { ...candidate, url }, context())).report;
    },
    publish: (request) =>
      locked(async (tx) => {
        if (request.force && !request.reason?.trim()) throw new InputError('--force needs a --reason, recorded in the history');
        const run = await runChecks(tx, request, context());
        if (!run.composed) throw new CheckFailedError(run.report);
        if (!run.report.ok && !request.force) throw new CheckFailedError(run.report);
        if (run.report.unchanged && run.current) return { published: false, version: run.current.version, report: run.report };
        const schemaVersion = await insertSubgraphSchema(tx, request);
        const subgraphs = [
          ...(run.current?.subgraphs ?? []).filter((entry) => entry.name !== request.name),
          { name: request.name, version: schemaVersion },
        ];
        const version = await insertSupergraph(tx, {
          supergraphSdl: run.composed.supergraphSdl,
          apiSchemaSdl: run.composed.apiSchemaSdl,
          subgraphs,
          action: 'publish',
          subgraph: request.name,
          createdBy: request.publishedBy,
          forcedReason: request.force && !run.report.ok ? (request.reason ?? null) : null,
          breakingChanges: run.report.breaking,
        });
        return { published: true, version, report: run.report };
      }),
    rollback: (version, by, reason) =>
      locked(async (tx) => {
        const target = await supergraphByVersion(tx, version);
        if (!target) throw new NotFoundError(`There is no supergraph version ${version}`);
        const restored = await insertSupergraph(tx, { ...target, action: 'rollback', subgraph: null, createdBy: by, forcedReason: reason ?? `rollback to ${version}`, breakingChanges: [] });
        return { version: restored, restored: version };
      }),
    history: (limit) => supergraphHistory(database.sql, limit),
    current: () => currentSupergraph(database.sql),
    currentVersion: () => currentVersion(database.sql),
    recordUsage: (usage) => recordUsage(database.sql, usage, now()),
    close: () => database.close(),
  };
}

/** A check without --url keeps the subgraph's published URL; a subgraph never published needs one only to publish. */
async function currentUrlOf(sql: SqlExecutor, subgraph: string): Promise<string> {
  const current = await currentSupergraph(sql);
  const entry = current?.subgraphs.find((candidate) => candidate.name === subgraph);
  if (!entry || !current) return 'http://unpublished.invalid/graphql';
  const [row] = await sql.query<{ url: string }>('SELECT routing_url AS url FROM registry_subgraph_schema WHERE subgraph = $1 AND version = $2', [entry.name, entry.version]);
  return row?.url ?? 'http://unpublished.invalid/graphql';
}
