/**
 * `npm run subgraph -- <name> --port <n>`: one subgraph as its own process, for the
 * distributed mode. Its database is <NAME>_DATABASE_URL, or an embedded one. It answers
 * only requests signed with ENSEMBLE_SUBGRAPH_SECRET, which is required unless --insecure-dev.
 */
import { parseArgs } from 'node:util';
import { print } from 'graphql';
import { formatCheckReport } from '../registry/checks/formatCheckReport';
import { publishOverHttp } from '../registry/publishOverHttp';
import {
  announceEvents,
  describePluginSettings,
  eventsOverHttp,
  listenForEvents,
  startSubgraph,
  type EventsListening,
  type RunningSubgraph,
  type SubgraphModule,
} from '../kit';
import { findSubgraph, SUBGRAPHS } from '../supergraph.config';
import { POLICY_USAGE, policyFrom } from './authOptions';
import { subgraphOptionsFromEnv, subgraphSecretFromEnv } from './hardeningOptions';
import { REGISTRY_TOKEN_VARIABLE } from './registryOptions';
import { databaseUrlFor, exitWith, log, logAs, onShutdown, parsePort, parseSubgraphUrls } from './runtimeOptions';
import { metricsTokenFromEnv, OBSERVABILITY_USAGE, withTracing } from './observabilityOptions';
import { PGLITE_SNAPSHOT_DIR } from '../kit/database/pgliteSnapshot';

const USAGE = `Usage: npm run subgraph -- <name> [options]
  <name>              one of: ${SUBGRAPHS.map((entry) => entry.name).join(', ')}
  --port <n>          port (default: the subgraph's own, e.g. catalog 4001)
  --host <address>    address to listen on (default: 127.0.0.1)
  --in-memory         keep no data (ignored when <NAME>_DATABASE_URL is set)
  --data-dir <dir>    where the embedded database lives (default: .data)
  --demo              load demo data
  --location <path>   (catalog) register a descriptor file or glob at start (repeatable)
  --insecure-dev      accept unsigned requests when ENSEMBLE_SUBGRAPH_SECRET is not set
  --publish-to <url>  once listening, check and publish its schema to the schema registry
                      at <url> (token: $ENSEMBLE_REGISTRY_TOKEN); refused, the process exits 8
  --routing-url <url> where gateways call it, as published (default http://<host>:<port>/graphql)
  --event-source <name=url>  (catalog) another subgraph whose change-feed events webhooks
                      deliver, read over its signed POST /events (repeatable)
${POLICY_USAGE}
/graphql answers only requests the gateway signed with $ENSEMBLE_SUBGRAPH_SECRET, which is
required unless --insecure-dev is given. Timeouts and caps: ENSEMBLE_* (see docs/hardening.md).
$ENSEMBLE_GATEWAY_URL (the gateway's /graphql): where plugin writes ask, as their caller, whether
the entity they name exists; without it those writes are refused.
Settings the plugins declare (subgraphs/<name>/plugin.ts), read from the environment:
${describePluginSettings(SUBGRAPHS)}
${OBSERVABILITY_USAGE}`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'in-memory': { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: '.data' },
      demo: { type: 'boolean', default: false },
      location: { type: 'string', multiple: true, default: [] },
      'insecure-dev': { type: 'boolean', default: false },
      'publish-to': { type: 'string' },
      'routing-url': { type: 'string' },
      'event-source': { type: 'string', multiple: true, default: [] },
      policy: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const entry = findSubgraph(positionals[0]);
  logAs(entry.name);
  // Before the database opens: its statements are traced only if tracing is on by then.
  const traced = withTracing(`ensemble-${entry.name}`);
  const gatewaySecret = subgraphSecretFromEnv(values['insecure-dev']);
  if (gatewaySecret === null) log(`warning: --insecure-dev: subgraph ${entry.name} accepts unsigned requests from anyone`);
  const databaseUrl = databaseUrlFor(entry.name, { dataDir: values['data-dir'], inMemory: values['in-memory'] });
  const eventSources = parseSubgraphUrls(values['event-source'], '--event-source');
  const module = await entry.load(process.env);
  const fromEnv = subgraphOptionsFromEnv();
  const subgraph = await startSubgraph(module, {
    ...fromEnv,
    // A new embedded database loads its pre-migrated snapshot (kit/database/pgliteSnapshot.ts); PostgreSQL ignores it.
    database: { ...fromEnv.database, pgliteSnapshot: { migrationsDir: module.migrationsDir, cacheDir: PGLITE_SNAPSHOT_DIR } },
    policy: policyFrom(values.policy),
    metricsToken: metricsTokenFromEnv(),
    gatewaySecret,
    port: parsePort(values.port, entry.port),
    host: values.host,
    databaseUrl,
    // Plugin writes ask the gateway whether the entity they name exists: refused until it is set.
    runtime: { demo: values.demo, locations: values.location, log, gatewayUrl: process.env.ENSEMBLE_GATEWAY_URL || undefined },
  });
  const listening = await useEventSources(module, subgraph, eventSources, { databaseUrl, gatewaySecret });
  onShutdown(
    traced(async () => {
      await listening?.close();
      await subgraph.stop();
    }),
  );
  log(`subgraph ${entry.name} ready at ${subgraph.url}`);
  if (values['publish-to']) {
    const routingUrl = values['routing-url'] ?? subgraph.url;
    const answer = await publishOverHttp({
      registryUrl: values['publish-to'],
      token: process.env[REGISTRY_TOKEN_VARIABLE] || undefined,
      subgraph: entry.name,
      routingUrl,
      sdl: print(module.typeDefs),
    });
    if (!answer.ok) {
      log(`subgraph ${entry.name}: the registry refused its schema: ${answer.message}`);
      if (answer.report) log(formatCheckReport(answer.report));
      await subgraph.stop();
      process.exit(8);
    }
    log(`subgraph ${entry.name}: ${answer.published ? 'published' : 'already published'}; supergraph version ${answer.version}`);
  }
}

/**
 * For a module that reads the change feed (the catalog's webhooks): the other sources
 * named with --event-source, over their signed POST /events, and, on PostgreSQL, a LISTEN
 * client so that writes by other processes (catalog replicas) wake it as its own do.
 */
async function useEventSources(
  module: SubgraphModule<unknown>,
  subgraph: RunningSubgraph<unknown>,
  given: { name: string; url: string }[],
  options: { databaseUrl: string; gatewaySecret: string | null },
): Promise<EventsListening | undefined> {
  if (!module.useEventSources) return undefined;
  const sources = given.map(({ name, url }) => eventsOverHttp({ name, url, secret: options.gatewaySecret }));
  if (sources.length) module.useEventSources(subgraph.services, sources);
  if (!/^postgres(ql)?:/.test(options.databaseUrl)) return undefined;
  return listenForEvents(options.databaseUrl, announceEvents, { log });
}

main().catch(exitWith);
