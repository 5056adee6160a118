/**
 * One bench server process: every subgraph (each on its own loopback port, its own
 * database, counting its SQL statements), the generated catalog ingested and timed, the
 * plugins' data loaded, and whichever in-process targets were asked for:
 * - `ensemble`: Ensemble's gateway as `npm start` runs it (subgraphs called in process);
 * - `ensemble-http`: the same gateway calling the same subgraphs over loopback HTTP;
 * - `monolith`: the same schema served by one ApolloServer (monolith/createMonolithSchema.ts).
 * Started by run.ts with one JSON argument; prints `BENCH_READY {...}` when serving.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGateway, type RunningGateway } from '../gateway/startGateway';
import { createInProcessSubgraph, type InProcessSubgraph } from '../gateway/performance/createInProcessSubgraph';
import { provideGatewayNeeds, startSubgraph, type RunningSubgraph, type SubgraphModule } from '../kit';
import { portOrFreePort } from '../kit/server/freePort';
import { SUBGRAPHS } from '../supergraph.config';
import type { CatalogContext } from '../subgraphs/catalog/context';
import { GraphClient } from '../subgraphs/scorecards/graph/graphClient';
import { benchDatabase, type DatabaseKind } from './benchDatabases';
import { announceReady, Counters, startControlServer } from './controlServer';
import { generateCatalog } from './generateCatalog';
import { createMonolithSchema } from './monolith/createMonolithSchema';
import { seedPlugins } from './seedPlugins';
import { PGLITE_SNAPSHOT_DIR } from '../kit/database/pgliteSnapshot';

export interface HostConfig {
  size: number;
  database: DatabaseKind;
  /** Where embedded databases run: a thread each (`npm start`'s way, the default) or the main thread. */
  pglite?: 'thread' | 'inline';
  secret: string;
  targets: ('ensemble' | 'ensemble-http' | 'monolith')[];
  /** Literal hoisting in the in-process gateways. */
  hoistLiterals: boolean;
  leanPath: boolean;
  documentTemplates: boolean;
  /** Where plugins that read the graph find it when no `ensemble` target runs here (a gateway process). */
  pluginGatewayUrl?: string;
  scanShare: number;
  docsShare: number;
  /**
   * Load the plugins' data (CI runs, scans, docs). Only the entity page and docs search
   * read it; at 100,000 entities it takes minutes, so catalog-only runs skip it. Default true.
   */
  seedPlugins?: boolean;
}

async function main() {
  const config = JSON.parse(process.argv[2]) as HostConfig;
  const log = (line: string) => process.stderr.write(`[host] ${line}\n`);
  const dir = mkdtempSync(path.join(tmpdir(), 'ensemble-bench-'));
  const counters = new Counters();
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error) => log(String(error)));
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('SIGTERM', () => void stopAll().then(() => process.exit(0)));
  try {
    const { root, entities, counts } = generateCatalog(dir, config.size);
    const ensemblePort = config.targets.includes('ensemble') ? await portOrFreePort(0) : undefined;
    const gatewayUrl = ensemblePort ? `http://127.0.0.1:${ensemblePort}/graphql` : config.pluginGatewayUrl;
    const baseSettings = { CATALOG_REFRESH_SECONDS: '0', CATALOG_LOCAL_ROOTS: dir };
    const settings = gatewayUrl ? provideGatewayNeeds(SUBGRAPHS, baseSettings, { url: gatewayUrl, anonymous: true }).settings : baseSettings;
    const modules: Record<string, SubgraphModule<any, any>> = {};
    const subgraphs: Record<string, RunningSubgraph<any>> = {};
    for (const entry of SUBGRAPHS) {
      const { url, drop } = await benchDatabase(config.database, entry.name);
      stops.push(drop);
      modules[entry.name] = await entry.load(settings);
      const running = await startSubgraph(modules[entry.name], {
        port: 0,
        databaseUrl: url,
        // Embedded databases off the main thread, as `npm start` opens them (unless the bench
        // compares): each in a thread of its own, from pre-migrated snapshots.
        database: {
          onQuery: () => counters.add('dbQueries', entry.name),
          pglite: config.pglite ?? 'thread',
          pgliteSnapshot: { migrationsDir: modules[entry.name].migrationsDir, cacheDir: PGLITE_SNAPSHOT_DIR },
        },
        gatewaySecret: config.secret,
        runtime: { demo: false, locations: [], log, gatewayUrl },
      });
      stops.push(running.stop);
      subgraphs[entry.name] = running;
    }

    // Ingest: from registering the location until the catalog answers with every entity.
    const catalog = subgraphs.catalog.services as CatalogContext;
    const started = performance.now();
    await catalog.ingestion.registerLocation(root);
    const stored = await catalog.prisma.entity.count();
    const ingestSeconds = (performance.now() - started) / 1000;
    if (stored !== entities) throw new Error(`expected ${entities} entities stored, found ${stored}`);
    const relations = await catalog.prisma.relation.count();
    const plugins = config.seedPlugins !== false
      ? await seedPlugins(
          { cicd: subgraphs.cicd.services.prisma, security: subgraphs.security.services.prisma, techdocs: subgraphs.techdocs.services.prisma },
          { components: counts.components, dir, scanShare: config.scanShare, docsShare: config.docsShare },
        )
      : 'not loaded (no selected operation reads them)';

    const targets: Record<string, string> = {};
    const inProcess: InProcessSubgraph[] = [];
    const gatewayFor = async (name: 'ensemble' | 'ensemble-http', port: number): Promise<RunningGateway> =>
      startGateway({
        port,
        host: '127.0.0.1',
        supergraph: { kind: 'subgraphs', subgraphs: Object.values(subgraphs).map(({ name: subgraph, url }) => ({ name: subgraph, url })) },
        subgraphSecret: config.secret,
        log,
        performance: {
          inProcess: name === 'ensemble' ? inProcess : [],
          hoistLiterals: config.hoistLiterals,
          leanPath: config.leanPath,
          documentTemplates: config.documentTemplates,
          onSubgraphFetch: (subgraph) => counters.add(`fetches:${name}`, subgraph),
        },
      });
    if (config.targets.includes('ensemble')) {
      for (const [name, module] of Object.entries(modules)) {
        const local = await createInProcessSubgraph(module, subgraphs[name].services, { log, graph: { gatewayUrl } });
        inProcess.push(local);
        stops.push(local.stop);
      }
      const gateway = await gatewayFor('ensemble', ensemblePort!);
      stops.push(gateway.stop);
      targets.ensemble = `http://127.0.0.1:${gateway.port}/graphql`;
    }
    if (config.targets.includes('ensemble-http')) {
      const gateway = await gatewayFor('ensemble-http', 0);
      stops.push(gateway.stop);
      targets['ensemble-http'] = `http://127.0.0.1:${gateway.port}/graphql`;
    }
    if (config.targets.includes('monolith')) {
      const port = await portOrFreePort(0);
      const monolithUrl = `http://127.0.0.1:${port}/graphql`;
      const monolith = createMonolithSchema(
        Object.entries(modules).map(([name, module]) => ({
          module,
          services: subgraphs[name].services,
          // Scorecards read their facts from the graph they belong to: here, the monolith.
          adjustContext: name === 'scorecards' ? (context) => ({ ...context, graph: new GraphClient({ url: monolithUrl, timeoutMs: 8_000 }) }) : undefined,
        })),
      );
      const server = new ApolloServer({ schema: monolith.schema, stopOnTerminationSignals: false });
      await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' }, context: async () => monolith.createContext() as never });
      stops.push(() => server.stop());
      targets.monolith = monolithUrl;
    }
    const control = await startControlServer(() => counters.read(), () => counters.reset());
    stops.push(control.close);
    announceReady({
      controlUrl: control.url,
      targets,
      subgraphs: Object.fromEntries(Object.values(subgraphs).map(({ name, url }) => [name, url])),
      counts,
      ingest: { entities: stored, relations, seconds: round(ingestSeconds), entitiesPerSecond: Math.round(stored / ingestSeconds) },
      plugins,
    });
  } catch (error) {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await stopAll();
    process.exit(1);
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

void main();
