import path from 'node:path';
import { createSourceRoots, loadSchema, rootsOfLocations, type SubgraphModule } from '../../kit';
import { PrismaClient } from '../../prisma/catalog/generated/client';
import type { CatalogContext } from './context';
import type { OrphanPolicy } from './data/replaceLocationEntities';
import { MAX_APPLY_BYTES } from './ingestion/applyDescriptors';
import type { KindRules } from './model/validation/kinds/validateKind';
import { createCatalogIngestion } from './ingestion/catalogIngestion';
import { createSourceReader } from './ingestion/sourceReader';
import { plugin } from './plugin';
import { resolvers } from './resolvers';

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
  /** What happens to entities that leave their location. Default: removed one refresh after they are marked. */
  orphans?: OrphanPolicy;
  /** How long change-feed events (and entity history) are kept. Default 30 days. */
  eventRetentionMs?: number;
  /** Backstage's opt-in kind schemas, and an allow-list of kinds like its `catalog.rules` (see KindRules). */
  kindRules?: KindRules;
}

type CatalogServices = CatalogContext & { stopRefresh?: () => void };

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
      });
      return { prisma, reads: database.reads, ingestion };
    },
    // Services hold nothing per request; loaders are built lazily per context object.
    createContext: (services) => ({ prisma: services.prisma, reads: services.reads, ingestion: services.ingestion }),
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
    },
    disposeServices: async (services) => {
      services.stopRefresh?.();
      await services.ingestion.idle();
      await services.prisma.$disconnect();
    },
  };
}

export const catalogSubgraph = createCatalogSubgraph();
