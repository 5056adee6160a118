/**
 * `npm run registry`: the schema registry as its own process, for the distributed mode
 * (docs/registry.md). Its database is REGISTRY_DATABASE_URL, or an embedded one.
 *
 *   npm run registry -- --port 4100 --admin group:default/platform-team \
 *     --owner cicd=group:default/cicd-team --api-token <token>=user:default/ci,group:default/cicd-team
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readPersistedDocuments } from '../gateway/persistedDocuments/persistedDocumentsManifest';
import { startRegistryServer } from '../registry/startRegistryServer';
import { AUTH_FLAGS, AUTH_USAGE, describeAuth, gatewayAuthFrom } from './authOptions';
import { positiveIntegerFlag } from './hardeningOptions';
import { parseOwners } from './registryOptions';
import { databaseUrlFor, exitWith, log, logAs, onShutdown, parsePort } from './runtimeOptions';
import { metricsTokenFromEnv, OBSERVABILITY_USAGE, withTracing } from './observabilityOptions';

const PERSISTED_DOCUMENTS = path.resolve(__dirname, '../clients/generated/persisted-documents.json');

const USAGE = `Usage: npm run registry -- [options]
  --port <n>                  port (default: $PORT or 4100)
  --host <address>            address to listen on (default: 127.0.0.1)
  --in-memory                 keep no data (ignored when REGISTRY_DATABASE_URL is set)
  --data-dir <dir>            where the embedded database lives (default: .data)
  --owner <subgraph>=<ref>[,<ref>...]
                              who may publish that subgraph: user or group refs (repeatable)
  --admin <ref>               may publish any subgraph and roll back (repeatable)
  --anonymous                 callers without credentials may do everything (local development only)
  --persisted-documents <f>   operations the check protects (default: clients/generated/persisted-documents.json)
  --usage-window-days <n>     how far back recorded traffic counts in checks (default 7)
${AUTH_USAGE}
Its database is $REGISTRY_DATABASE_URL (postgres://...), or embedded PGlite in --data-dir.
${OBSERVABILITY_USAGE}`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'in-memory': { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: '.data' },
      owner: { type: 'string', multiple: true, default: [] },
      admin: { type: 'string', multiple: true, default: [] },
      anonymous: { type: 'boolean', default: false },
      'persisted-documents': { type: 'string', default: PERSISTED_DOCUMENTS },
      'usage-window-days': { type: 'string' },
      ...AUTH_FLAGS,
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  logAs('registry');
  const traced = withTracing('ensemble-registry');
  const auth = gatewayAuthFrom(values);
  log(describeAuth(auth, null));
  const days = positiveIntegerFlag('usage-window-days', values['usage-window-days']) ?? 7;
  const registry = await startRegistryServer({
    port: parsePort(values.port ?? process.env.PORT, 4100),
    host: values.host,
    databaseUrl: databaseUrlFor('registry', { dataDir: values['data-dir'], inMemory: values['in-memory'] }),
    persisted: [{ client: 'ensemble clients (persisted documents)', documents: readPersistedDocuments(values['persisted-documents']) }],
    usageWindowMs: days * 86_400_000,
    auth,
    metricsToken: metricsTokenFromEnv(),
    access: { owners: parseOwners(values.owner), admins: values.admin, anonymous: values.anonymous },
    log,
  });
  onShutdown(traced(registry.stop));
  log(`registry ready at ${registry.url}/registry/`);
}

main().catch(exitWith);
