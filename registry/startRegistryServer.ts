import { createAuthenticator, type GatewayAuthOptions } from '../gateway/auth/createAuthenticator';
import { healthRoute, listen, type Routes } from '../kit';
import { processMetrics, type ProcessMetrics } from '../kit/observability/metrics';
import { createRegistry, type Registry, type RegistryOptions } from './createRegistry';
import { registryRoutes } from './http/registryRoutes';
import { registryAccess, type RegistryAccessOptions } from './registryAccess';

export interface RegistryServerOptions extends RegistryOptions {
  port: number;
  host?: string;
  auth: GatewayAuthOptions;
  access: RegistryAccessOptions;
  log: (line: string) => void;
  /** Where its numbers go: default the process's registry. */
  metrics?: ProcessMetrics;
  /** Bearer token GET /metrics requires; without one only loopback callers may read it. */
  metricsToken?: string;
}

export interface RunningRegistry {
  url: string;
  port: number;
  registry: Registry;
  /** The API's routes, for another server to serve too (`npm start` serves them on the gateway's port). */
  routes: Routes;
  stop(): Promise<void>;
}

/** The registry as its own HTTP server (`npm run registry`): its API under /registry/, plus health checks. */
export async function startRegistryServer(options: RegistryServerOptions): Promise<RunningRegistry> {
  const registry = await createRegistry(options);
  try {
    const routes = registryRoutes({ registry, authenticate: createAuthenticator(options.auth), access: registryAccess(options.access), log: options.log });
    const http = await listen(
      {
        ...routes,
        '/healthz': healthRoute(async () => ({ service: 'registry' })),
        '/readyz': healthRoute(async () => ({ service: 'registry', supergraphVersion: await registry.currentVersion() })),
      },
      {
        port: options.port,
        host: options.host,
        log: options.log,
        observe: { metrics: options.metrics ?? processMetrics(), service: 'registry', metricsToken: options.metricsToken },
      },
    );
    return {
      url: `http://${options.host ?? '127.0.0.1'}:${http.port}`,
      port: http.port,
      registry,
      routes,
      stop: async () => {
        await http.close();
        await registry.close();
      },
    };
  } catch (error) {
    await registry.close();
    throw error;
  }
}
