import path from 'node:path';
import { createSourceRoots, eventsInDatabase, loadSchema, rootsOfLocations, type SubgraphModule } from '../../kit';
import { PrismaClient } from '../../prisma/catalog/generated/client';
import type { CatalogContext } from './context';
import type { OrphanPolicy } from './data/replaceLocationEntities';
import { MAX_APPLY_BYTES } from './ingestion/applyDescriptors';
import type { KindRules } from './model/validation/kinds/validateKind';
import { createCatalogIngestion } from './ingestion/catalogIngestion';
import { createSourceReader } from './ingestion/sourceReader';
import { plugin } from './plugin';
import { SOURCE_PUSH_PATH, sourcePushRoute } from './ingestion/sourcePushRoute';
import { resolvers } from './resolvers';
import { createCatalogWebhooks } from './webhooks/catalogWebhooks';
import type { WebhookOptions } from './webhooks/webhookOptions';

/** The project's own demo catalog, loaded at start unless `--no-demo`. */
export const DEMO_CATALOG = path.resolve(__dirname, '../../demo/catalog/catalog.yaml');

export interface CatalogOptions {
  /** Hosts `url` locations and placeholders may be read from; none by default (Backstage's `backend.reading.allow`). */
  readAllowHosts?: string[];
  /**
   * Folders local descriptor files may be read from (their subfolders included). The demo
   * catalog's folder (with the demo) and the folder of each start-up location are added;
   * nothing else on the machine is read, whoever registers it.
   */
  localRoots?: string[];
  /** How often every location is read again; 0 turns the periodic refresh off. Default 2 minutes. */
  refreshIntervalMs?: number;
  /**
   * How long a replica's claim on a location read holds without a heartbeat: how soon
   * another replica takes over the read of one that died. Default 60 s.
   */
  readLeaseMs?: number;
  /** GitHub's webhook secret for push deliveries at /webhooks/source-push; unset, every delivery is refused. */
  sourcePushSecret?: string;
  /** What happens to entities that leave their location. Default: removed one refresh after they are marked. */
  orphans?: OrphanPolicy;
  /** How long change-feed events (and entity history) are kept. Default 30 days. */
  eventRetentionMs?: number;
  /** Backstage's opt-in kind schemas, and an allow-list of kinds like its `catalog.rules` (see KindRules). */
  kindRules?: KindRules;
  /** Webhook bounds and the feed they read (webhooks/webhookOptions.ts); URLs go to `readAllowHosts`. */
  webhooks?: Partial<WebhookOptions>;
}

type CatalogServices = CatalogContext & { stopRefresh?: () => void; unwatch?: () => void };

/** The core catalog subgraph: Backstage's entity model, served as `interface Entity`. */
export function createCatalogSubgraph(options: CatalogOptions = {}): SubgraphModule<CatalogServices, CatalogContext> {
  return {
    name: 'catalog',
    typeDefs: loadSchema(path.join(__dirname, 'schema.graphql')),
    resolvers,
    events: plugin.events,
    eventRetentionMs: options.eventRetentionMs,
    // Every other argument keeps the kit's 4,096 characters (docs/hardening.md, Argument bounds).
    argumentTextLimits: { 'Mutation.applyEntities.yaml': MAX_APPLY_BYTES },
    migrationsDir: path.resolve(__dirname, '../../prisma/catalog/migrations'),
    createServices: (database, runtime) => {
      const prisma = new PrismaClient({ adapter: database.adapter });
      const roots = createSourceRoots([
        ...(options.localRoots ?? []),
        ...(runtime.demo ? [path.dirname(DEMO_CATALOG)] : []),
        ...rootsOfLocations(runtime.locations),
      ]);
      const ingestion = createCatalogIngestion(prisma, {
        reader: createSourceReader({ allowHosts: options.readAllowHosts, roots }),
        orphans: options.orphans ?? { strategy: 'delete', graceMs: 0 },
        kindRules: options.kindRules,
        log: runtime.log,
        readSchedule: {
          leaseMs: options.readLeaseMs,
          intervalMs: options.refreshIntervalMs || undefined,
          onRead: (outcome) => runtime.metrics?.ingestionReads.inc({ service: 'catalog', outcome }),
        },
      });
      const webhooks = createCatalogWebhooks(eventsInDatabase('catalog', database.reads), database.kind === 'postgres', { allowHosts: options.readAllowHosts ?? [], ...options.webhooks });
      const unwatch = runtime.metrics?.watchIngestion('catalog', () => ({ lagSeconds: ingestion.reads.backlog.lagSeconds, queueDepth: ingestion.reads.backlog.due }));
      return { prisma, reads: database.reads, ingestion, webhooks, unwatch };
    },
    // Services hold nothing per request; loaders are built lazily per context object.
    createContext: (services) => ({ prisma: services.prisma, reads: services.reads, ingestion: services.ingestion, webhooks: services.webhooks }),
    routes: (services) => ({ [SOURCE_PUSH_PATH]: sourcePushRoute(services.prisma, options.sourcePushSecret) }),
    afterStart: async (services, runtime) => {
      const targets = [...(runtime.demo ? [DEMO_CATALOG] : []), ...runtime.locations];
      if (!runtime.readInBackground) for (const target of targets) await services.ingestion.registerLocation(target);
      else {
        // Queued in order: the ingestion reads one location at a time.
        for (const target of targets) {
          services.ingestion.registerLocation(target).catch((error: unknown) => {
            runtime.log(`catalog: could not read ${target}: ${error instanceof Error ? error.message : String(error)}`);
          });
        }
      }
      const intervalMs = options.refreshIntervalMs ?? 120_000;
      if (intervalMs > 0) services.stopRefresh = services.ingestion.refreshEvery(intervalMs);
      services.webhooks.start({ prisma: services.prisma, reads: services.reads, policy: runtime.policy, log: runtime.log });
    },
    useEventSources: (services, sources) => services.webhooks.addSources(sources),
    disposeServices: async (services) => {
      await services.webhooks.stop();
      services.stopRefresh?.();
      services.unwatch?.();
      await services.ingestion.idle();
      await services.prisma.$disconnect();
    },
  };
}

export const catalogSubgraph = createCatalogSubgraph();
