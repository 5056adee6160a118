import path from 'node:path';
import { print, type DocumentNode } from 'graphql';
import type { GatewayAuthOptions } from '../gateway/auth';
import { readPersistedDocuments } from '../gateway/persistedDocuments/persistedDocumentsManifest';
import type { SupergraphSource } from '../gateway/startGateway';
import { generateSubgraphSecret, userIdentity, type Routes } from '../kit';
import { formatCheckReport } from '../registry/checks/formatCheckReport';
import { startRegistryServer } from '../registry/startRegistryServer';
import { databaseUrlFor } from './runtimeOptions';

const PERSISTED_DOCUMENTS = path.resolve(__dirname, '../clients/generated/persisted-documents.json');

export interface EmbeddedRegistry {
  /** Publishes a subgraph of this checkout, forced: `npm start` serves the schemas it has. */
  publish(name: string, url: string, typeDefs: DocumentNode): Promise<void>;
  /** The gateway's supergraph source: this registry, over loopback HTTP. */
  source: SupergraphSource;
  /** The registry's API, for the gateway's port. */
  routes: Routes;
  stop(): Promise<void>;
}

/**
 * `npm start`'s registry: embedded (PGlite in the data directory, or REGISTRY_DATABASE_URL),
 * on a loopback port of its own, followed by the gateway exactly as a distributed gateway
 * follows a production registry. Callers get in as they do at the gateway; anonymous
 * callers (the default here) may publish and roll back, for local development.
 */
export async function startEmbeddedRegistry(options: {
  dataDir: string;
  inMemory: boolean;
  auth: GatewayAuthOptions;
  log: (line: string) => void;
  pgliteSnapshotDir?: string;
}): Promise<EmbeddedRegistry> {
  // The gateway's own credential for reading the registry, made per run.
  const gatewayToken = generateSubgraphSecret();
  const server = await startRegistryServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: databaseUrlFor('registry', options),
    pgliteSnapshotDir: options.pgliteSnapshotDir,
    persisted: [{ client: 'ensemble clients (persisted documents)', documents: readPersistedDocuments(PERSISTED_DOCUMENTS) }],
    auth: { ...options.auth, apiTokens: [...(options.auth.apiTokens ?? []), { token: gatewayToken, identity: userIdentity('user:default/gateway') }] },
    access: { anonymous: options.auth.anonymous },
    log: options.log,
  });
  return {
    async publish(name, url, typeDefs) {
      const outcome = await server.registry.publish({ name, url, sdl: print(typeDefs), publishedBy: 'npm start', force: true, reason: 'npm start serves the schemas of its checkout' });
      if (!outcome.report.ok) options.log(`registry: ${name} changed in ways operations use:\n${formatCheckReport(outcome.report)}`);
      options.log(`registry: ${name} ${outcome.published ? 'published' : 'unchanged'}, supergraph version ${outcome.version}`);
    },
    source: { kind: 'registry', url: server.url, token: gatewayToken },
    routes: server.routes,
    stop: server.stop,
  };
}
