/**
 * `npm run gateway`: the gateway alone, over subgraphs running anywhere.
 *
 *   npm run gateway -- --port 4000 --subgraph catalog=http://127.0.0.1:4001/graphql [--subgraph ...]
 *   npm run gateway -- --port 4000 --supergraph supergraph.graphql
 *
 * Needs ENSEMBLE_SUBGRAPH_SECRET (the subgraphs' secret) unless --insecure-dev is given.
 * Limits and timeouts come from ENSEMBLE_* variables: see docs/hardening.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createWebAppHandler } from '../clients/web/server/serveWebApp';
import { readPersistedDocuments } from '../gateway/persistedDocuments/persistedDocumentsManifest';
import { startGateway, type SupergraphSource } from '../gateway/startGateway';
import { distributedSubscriptions } from './subscriptionOptions';
import { SUBGRAPHS } from '../supergraph.config';
import { MCP_FLAGS, MCP_USAGE, mcpOptionsFrom } from './mcpOptions';
import { AUTH_FLAGS, AUTH_USAGE, describeAuth, gatewayAuthFrom } from './authOptions';
import { gatewayOptionsFromEnv, positiveIntegerFlag, subgraphSecretFromEnv } from './hardeningOptions';
import { REGISTRY_TOKEN_VARIABLE } from './registryOptions';
import { exitWith, log, logAs, onShutdown, parsePort, parseSubgraphUrls } from './runtimeOptions';
import { metricsTokenFromEnv, OBSERVABILITY_USAGE, withTracing } from './observabilityOptions';
import { rateLimitFromEnv, SHARED_STATE_USAGE } from './sharedStateOptions';

/** The web UI, built by `npm run build:web` (part of `npm install`), served at `/`. */
const WEB_APP_DIR = path.resolve(__dirname, '../clients/web/dist');
/** The clients' operations by hash, written by `npm run generate`. */
const PERSISTED_DOCUMENTS = path.resolve(__dirname, '../clients/generated/persisted-documents.json');

const USAGE = `Usage: npm run gateway -- [options]
  --port <n>                 port (default: $PORT or 4000)
  --host <address>           address to listen on (default: 127.0.0.1)
  --subgraph <name>=<url>    compose from this running subgraph (repeatable); the default
                             is every known subgraph on its default port
  --supergraph <file>        serve a supergraph composed by \`npm run compose\` (no introspection)
  --registry <url>           follow the schema registry at <url> (docs/registry.md): new
                             supergraphs are served as they are published; field usage is
                             reported to it. Token: $ENSEMBLE_REGISTRY_TOKEN
  --registry-poll <ms>       between polls of the registry (default 2000)
  --usage-interval <ms>      between usage reports to the registry (default 10000)
  --production               no introspection, no "Did you mean" hints (also NODE_ENV=production)
  --persisted-documents <f>  the clients' operations, by hash (default: the one npm install
                             generates, clients/generated/persisted-documents.json)
  --require-persisted-documents
                             accept only those operations (PERSISTED_QUERY_REQUIRED otherwise)
  --cors-origin <origin>     a browser origin allowed to call the gateway (repeatable;
                             default $ENSEMBLE_CORS_ORIGINS, else only the gateway's own)
  --subgraph-timeout <ms>    per subgraph fetch (default $ENSEMBLE_SUBGRAPH_TIMEOUT_MS or 10000)
  --insecure-dev             run without ENSEMBLE_SUBGRAPH_SECRET: requests to subgraphs unsigned
  --anonymous                let requests without credentials in, as anonymous (local
                             development only; off by default here)
${AUTH_USAGE}
${MCP_USAGE}
Without --anonymous, a request without valid credentials is 401 (docs/permissions.md).
Subgraph requests are signed with $ENSEMBLE_SUBGRAPH_SECRET, which is required unless
--insecure-dev is given. Operation limits: ENSEMBLE_MAX_* (see docs/hardening.md).
${OBSERVABILITY_USAGE}
${SHARED_STATE_USAGE}`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      subgraph: { type: 'string', multiple: true, default: [] },
      supergraph: { type: 'string' },
      registry: { type: 'string' },
      'registry-poll': { type: 'string' },
      'usage-interval': { type: 'string' },
      production: { type: 'boolean', default: false },
      'persisted-documents': { type: 'string', default: PERSISTED_DOCUMENTS },
      'require-persisted-documents': { type: 'boolean', default: false },
      'cors-origin': { type: 'string', multiple: true, default: [] },
      'subgraph-timeout': { type: 'string' },
      'insecure-dev': { type: 'boolean', default: false },
      anonymous: { type: 'boolean', default: false },
      ...AUTH_FLAGS,
      ...MCP_FLAGS,
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  logAs('gateway');
  const traced = withTracing('ensemble-gateway');
  if ([values.supergraph, values.subgraph.length, values.registry].filter(Boolean).length > 1) {
    throw new Error('Give one of --supergraph, --subgraph or --registry');
  }
  const supergraph: SupergraphSource = values.registry
    ? {
        kind: 'registry',
        url: values.registry,
        token: process.env[REGISTRY_TOKEN_VARIABLE] || undefined,
        pollIntervalMs: positiveIntegerFlag('registry-poll', values['registry-poll']),
        usageFlushIntervalMs: positiveIntegerFlag('usage-interval', values['usage-interval']),
      }
    : values.supergraph
    ? { kind: 'sdl', supergraphSdl: readFileSync(values.supergraph, 'utf8') }
    : {
        kind: 'subgraphs',
        subgraphs: values.subgraph.length
          ? parseSubgraphUrls(values.subgraph)
          : SUBGRAPHS.map((entry) => ({ name: entry.name, url: `http://127.0.0.1:${entry.port}/graphql` })),
      };
  const subgraphSecret = subgraphSecretFromEnv(values['insecure-dev']);
  if (subgraphSecret === null) log('warning: --insecure-dev: subgraph requests are not signed');
  const fromEnv = gatewayOptionsFromEnv();
  const auth = gatewayAuthFrom(values);
  log(describeAuth(auth, null));
  const gateway = await startGateway({
    webApp: createWebAppHandler({ distDir: WEB_APP_DIR }),
    persistedDocuments: persistedDocumentsFrom(values['persisted-documents'], values['require-persisted-documents']),
    auth,
    mcp: mcpOptionsFrom(values.mcp),
    ...fromEnv,
    port: parsePort(values.port ?? process.env.PORT, 4000),
    host: values.host,
    supergraph,
    log,
    subgraphSecret,
    metricsToken: metricsTokenFromEnv(),
    rateLimit: rateLimitFromEnv(),
    production: values.production || fromEnv.production,
    corsOrigins: values['cors-origin'].length ? values['cors-origin'] : fromEnv.corsOrigins,
    subgraphTimeoutMs: positiveIntegerFlag('subgraph-timeout', values['subgraph-timeout']) ?? fromEnv.subgraphTimeoutMs,
    // As `npm start` runs it (and as the benchmark measures it).
    performance: { hoistLiterals: true, leanPath: process.env.ENSEMBLE_LEAN_PATH !== 'off' },
    subscriptions: distributedSubscriptions(subgraphSecret, log),
  });
  onShutdown(traced(gateway.stop));
  log(`gateway ready at ${gateway.url}`);
}

/** Hash-only requests work whenever the manifest exists; requiring it needs the manifest. */
function persistedDocumentsFrom(file: string, required: boolean) {
  if (!required && !existsSync(file)) return undefined;
  return { documents: readPersistedDocuments(file), require: required };
}

main().catch(exitWith);
