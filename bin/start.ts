/**
 * `npm start`: the whole platform in one process: every subgraph on its own loopback
 * port with an embedded database, then the gateway composing them.
 *
 *   npm start [-- --port 4000] [--in-memory] [--data-dir .data] [--location <path>]... [--no-demo]
 *
 * Gateway and subgraphs share ENSEMBLE_SUBGRAPH_SECRET, or a random secret made for this
 * run when it is unset; no other process can call the subgraphs either way.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createWebAppHandler } from '../clients/web/server/serveWebApp';
import { startGateway } from '../gateway/startGateway';
import { embeddedSubscriptions } from './subscriptionOptions';
import { createInProcessSubgraph } from '../gateway/performance/createInProcessSubgraph';
import { startSubgraph, type RunningSubgraph } from '../kit';
import { SUBGRAPHS } from '../supergraph.config';
import { generateSubgraphSecret, provideGatewayNeeds, userIdentity } from '../kit';
import { MCP_FLAGS, MCP_USAGE, mcpOptionsFrom } from './mcpOptions';
import { AUTH_FLAGS, AUTH_USAGE, describeAuth, gatewayAuthFrom, POLICY_USAGE, policyFrom } from './authOptions';
import { gatewayOptionsFromEnv, SECRET_VARIABLE, subgraphOptionsFromEnv } from './hardeningOptions';
import { portOrFreePort } from '../kit/server/freePort';
import { databaseUrlFor, exitWith, log, onShutdown, parsePort } from './runtimeOptions';
import { startEmbeddedRegistry } from './startEmbeddedRegistry';
import { metricsTokenFromEnv, OBSERVABILITY_USAGE, withTracing } from './observabilityOptions';
// Pre-migrated embedded databases, written by `npm run generate` or at the first start.
import { PGLITE_SNAPSHOT_DIR } from '../kit/database/pgliteSnapshot';

/** The web UI, built by `npm run build:web` (part of `npm install`), served at `/`. */
const WEB_APP_DIR = path.resolve(__dirname, '../clients/web/dist');

const USAGE = `Usage: npm start -- [options]
  --port <n>          gateway port (default: $PORT or 4000)
  --in-memory         keep no data (default: persist in --data-dir)
  --data-dir <dir>    where embedded databases live (default: .data)
  --location <path>   register a descriptor file or glob at start (repeatable); read while
                      the platform already serves, progress in the log
  --no-demo           start without the demo catalog and plugin demo data
  --cors-origin <origin>  a browser origin allowed to call the gateway (repeatable; default
                      $ENSEMBLE_CORS_ORIGINS, else only the gateway's own)
  --no-anonymous      refuse requests without credentials (401); anonymous callers are
                      let in by default here, for local development. Plugins that read the
                      graph (declared in their plugin.ts) then get a token made per run, unless
                      their token setting is given (it must be one of the API tokens)
${AUTH_USAGE}
${MCP_USAGE}
${POLICY_USAGE}
Each subgraph's database URL can be set with <NAME>_DATABASE_URL, e.g. CATALOG_DATABASE_URL.
Gateway and subgraphs sign with $ENSEMBLE_SUBGRAPH_SECRET, or a random secret made per run.
Limits and timeouts: ENSEMBLE_* variables (see docs/hardening.md).
${OBSERVABILITY_USAGE}`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'in-memory': { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: '.data' },
      location: { type: 'string', multiple: true, default: [] },
      'no-demo': { type: 'boolean', default: false },
      'cors-origin': { type: 'string', multiple: true, default: [] },
      'no-anonymous': { type: 'boolean', default: false },
      policy: { type: 'string' },
      ...AUTH_FLAGS,
      ...MCP_FLAGS,
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const traced = withTracing('ensemble');
  const metricsToken = metricsTokenFromEnv();
  // Known before anything starts, so plugins that read the graph can be told where it is.
  const port = await portOrFreePort(parsePort(values.port ?? process.env.PORT, 4000));
  // The catalog reads its locations while the platform serves (its progress is logged).
  // Plugin writes ask the gateway, as their caller, whether the entity they name exists.
  const runtime = { demo: !values['no-demo'], locations: values.location, log, readInBackground: true, gatewayUrl: `http://127.0.0.1:${port}/graphql` };
  const secret = process.env[SECRET_VARIABLE] || generateSubgraphSecret();
  const gatewayFromEnv = gatewayOptionsFromEnv();
  const subgraphFromEnv = subgraphOptionsFromEnv();
  const auth = gatewayAuthFrom({ ...values, anonymous: !values['no-anonymous'] });
  const { settings, tokens } = provideGatewayNeeds(SUBGRAPHS, process.env, { url: `http://127.0.0.1:${port}/graphql`, anonymous: auth.anonymous });
  for (const { plugin, token, user } of tokens) {
    auth.apiTokens = [...(auth.apiTokens ?? []), { token, identity: userIdentity(user) }];
    log(`${plugin} read the graph as ${user} with a token made for this run`);
  }
  const policy = policyFrom(values.policy);
  log(describeAuth(auth, values.policy ?? process.env.ENSEMBLE_POLICY_FILE));
  const running: RunningSubgraph[] = [];
  let stopGateway: (() => Promise<void>) | undefined;
  const registry = await startEmbeddedRegistry({ dataDir: values['data-dir'], inMemory: values['in-memory'], auth, log, pgliteSnapshotDir: PGLITE_SNAPSHOT_DIR });
  onShutdown(traced(async () => {
    await stopGateway?.();
    log('gateway stopped');
    await registry.stop();
    for (const subgraph of running.reverse()) {
      await subgraph.stop();
      log(`subgraph ${subgraph.name} stopped`);
    }
  }));
  // Started together, each database in a thread of its own (kit/database/pgliteThread.ts):
  // a slow statement stalls only its own subgraph, and past the statement limit only its
  // thread is restarted. (One thread could hold several databases, a PgliteRuntime, for
  // ~100 MB less each, but then a slow plugin statement would stall the other plugins.)
  const started = await Promise.all(
    SUBGRAPHS.map(async (entry) => {
      const databaseUrl = databaseUrlFor(entry.name, { dataDir: values['data-dir'], inMemory: values['in-memory'] });
      const module = await entry.load(settings);
      const pgliteSnapshot = { migrationsDir: module.migrationsDir, cacheDir: PGLITE_SNAPSHOT_DIR };
      const database = { ...subgraphFromEnv.database, pglite: 'thread' as const, pgliteSnapshot };
      const subgraph = await startSubgraph(module, { ...subgraphFromEnv, database, port: 0, databaseUrl, runtime, gatewaySecret: secret, policy, metricsToken });
      running.push(subgraph);
      // The gateway calls it directly, on the same services and policy (bench/README.md: the in-process lever).
      const direct = await createInProcessSubgraph(await entry.load(settings), subgraph.services, { policy, secret, graph: runtime, maxEntityRepresentations: subgraphFromEnv.maxEntityRepresentations, log });
      log(`subgraph ${entry.name} ready at ${subgraph.url}`);
      return { name: entry.name, module, subgraph, direct, typeDefs: module.typeDefs };
    }),
  );
  // Each module that reads the change feed (the catalog's webhooks) gets the others' event logs.
  const eventSources = started.flatMap(({ subgraph }) => (subgraph.events ? [subgraph.events] : []));
  for (const { name, module, subgraph } of started) module.useEventSources?.(subgraph.services, eventSources.filter((source) => source.name !== name));
  // Published in SUBGRAPHS' order, the catalog first (plugins compose against it), so the
  // supergraph is composed the same way every run.
  for (const { name, subgraph, typeDefs } of started) await registry.publish(name, subgraph.url, typeDefs);
  const gateway = await startGateway({
    webApp: createWebAppHandler({ distDir: WEB_APP_DIR }),
    ...gatewayFromEnv,
    port,
    // Through the registry, as a distributed gateway: `ensemble schema ...` against this port works too.
    supergraph: registry.source,
    routes: registry.routes,
    log,
    subgraphSecret: secret,
    metricsToken,
    auth,
    mcp: mcpOptionsFrom(values.mcp),
    performance: { inProcess: started.map(({ direct }) => direct), hoistLiterals: true, leanPath: process.env.ENSEMBLE_LEAN_PATH !== 'off' },
    corsOrigins: values['cors-origin'].length ? values['cors-origin'] : gatewayFromEnv.corsOrigins,
    subscriptions: embeddedSubscriptions(() => eventSources, log),
  });
  stopGateway = gateway.stop;
  // Before the ready line, which tools wait for: when they see it, the address is printed.
  log(`web UI at ${new URL('/', gateway.url).href}`);
  log(`Ensemble is ready at ${gateway.url}`);
}

main().catch(exitWith);
