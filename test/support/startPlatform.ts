import { startGateway, type RunningGateway } from '../../gateway/startGateway';
import type { RunningSubgraph } from '../../kit';
import { startTestSubgraph, type TestSubgraphOptions } from '../../kit/testing';
import { SUBGRAPHS } from '../../supergraph.config';

export interface TestPlatform {
  gatewayUrl: string;
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  stop(): Promise<void>;
}

/**
 * The real platform for a system test: the named subgraphs (default: all of
 * supergraph.config.ts) on free loopback ports with in-memory databases, and the
 * gateway composing them, all in this process.
 */
export async function startPlatform(
  options: { only?: string[]; subgraph?: (name: string) => TestSubgraphOptions } = {},
): Promise<TestPlatform> {
  const entries = SUBGRAPHS.filter((entry) => !options.only || options.only.includes(entry.name));
  const subgraphs: Record<string, RunningSubgraph> = {};
  try {
    for (const entry of entries) {
      subgraphs[entry.name] = await startTestSubgraph(await entry.load(), options.subgraph?.(entry.name));
    }
    const gateway = await startGateway({
      port: 0,
      supergraph: { kind: 'subgraphs', subgraphs: Object.values(subgraphs).map(({ name, url }) => ({ name, url })) },
      log: () => undefined,
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
