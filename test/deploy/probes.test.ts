import { startRegistryServer, type RunningRegistry } from '../../registry/startRegistryServer';
import { deployRoles } from '../../deploy/roles';
import { startPlatform, type TestPlatform } from '../support/startPlatform';

/**
 * The manifests probe /readyz and /healthz on every service role: each kind of process
 * answers both (every subgraph is served by the kit's startSubgraph, as catalog is here).
 */
describe('every service role answers the probes the manifests use', () => {
  let platform: TestPlatform;
  let registry: RunningRegistry;
  beforeAll(async () => {
    platform = await startPlatform({ only: ['catalog'] });
    registry = await startRegistryServer({ port: 0, databaseUrl: 'memory://', auth: { anonymous: false }, access: {}, log: () => undefined });
  });
  afterAll(async () => {
    await platform?.stop();
    await registry?.stop();
  });

  it('/healthz and /readyz answer 200 on the gateway, a subgraph and the registry', async () => {
    const bases: Record<string, string> = { gateway: platform.gatewayUrl, subgraph: platform.subgraphs.catalog.url, registry: registry.url };
    // Kinds of process the deploy runs as services: the gateway, the registry, and subgraphs.
    const kinds = new Set(deployRoles().filter((role) => role.kind === 'service').map((role) => (role.plugin ? 'subgraph' : role.name)));
    expect([...kinds].sort()).toEqual(Object.keys(bases).sort());
    for (const [kind, base] of Object.entries(bases)) {
      for (const path of ['/healthz', '/readyz']) {
        const response = await fetch(new URL(path, base));
        expect([kind, path, response.status]).toEqual([kind, path, 200]);
      }
    }
  });
});
