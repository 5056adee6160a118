import { startGateway, type GatewayOptions, type RunningGateway } from '../../gateway/startGateway';
import { startTestSubgraph, TEST_SUBGRAPH_SECRET, type RunningTestSubgraph, type TestSubgraphOptions } from '../../kit/testing';
import { portOrFreePort } from '../../kit/server/freePort';
import { provideGatewayNeeds } from '../../kit/plugin/provideGatewayNeeds';
import { SUBGRAPHS } from '../../supergraph.config';

export interface TestPlatform {
  gatewayUrl: string;
  gateway: RunningGateway;
  subgraphs: Record<string, RunningTestSubgraph<unknown>>;
  stop(): Promise<void>;
}

/** Gateway options a test may set; where it listens, what it composes and the secret are the platform's. */
export type TestGatewayOptions = Omit<GatewayOptions, 'port' | 'supergraph' | 'log' | 'subgraphSecret'> & { logs?: string[] };

/**
 * The real platform for a system test: the named subgraphs (default: all of
 * supergraph.config.ts) on free loopback ports with in-memory databases, and the
 * gateway composing them, all in this process. Gateway and subgraphs share the test
 * secret, so requests are signed and checked as in production.
 */
export async function startPlatform(
  options: {
    only?: string[];
    subgraph?: (name: string) => TestSubgraphOptions;
    gateway?: TestGatewayOptions;
    /** Deployment settings for the subgraphs, as entry points pass the environment (the settings their plugin.ts declares). */
    settings?: Record<string, string>;
  } = {},
): Promise<TestPlatform> {
  const entries = SUBGRAPHS.filter((entry) => !options.only || options.only.includes(entry.name));
  const subgraphs: Record<string, RunningTestSubgraph<unknown>> = {};
  // The gateway's port is chosen first, so plugins that read the graph know it; a test that
  // refuses anonymous callers passes their tokens in `settings` itself.
  const gatewayPort = await portOrFreePort(0);
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  const { settings } = provideGatewayNeeds(entries, options.settings ?? {}, { url: gatewayUrl, anonymous: true });
  try {
    for (const entry of entries) {
      // Plugin writes ask this gateway whether the entity they name exists, as in production.
      subgraphs[entry.name] = await startTestSubgraph(await entry.load(settings), { gatewayUrl, ...options.subgraph?.(entry.name) });
    }
    const { logs, ...gatewayOptions } = options.gateway ?? {};
    const gateway = await startGateway({
      ...gatewayOptions,
      port: gatewayPort,
      host: '127.0.0.1',
      supergraph: { kind: 'subgraphs', subgraphs: Object.values(subgraphs).map(({ name, url }) => ({ name, url })) },
      subgraphSecret: TEST_SUBGRAPH_SECRET,
      log: (line) => void logs?.push(line),
    });
    return {
      gatewayUrl: `http://127.0.0.1:${gateway.port}/graphql`,
      gateway,
      subgraphs,
      stop: async () => {
        await gateway.stop();
        await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop()));
      },
    };
  } catch (error) {
    await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop().catch(() => undefined)));
    throw error;
  }
}
