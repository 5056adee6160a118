import type { GatewayPerformanceOptions } from '../../gateway/performance/gatewayPerformanceFeatures';
import { startGateway, type RunningGateway } from '../../gateway/startGateway';
import { TEST_SUBGRAPH_SECRET } from '../../kit/testing';
import type { TestPlatform } from './startPlatform';

/**
 * Another gateway over a test platform's subgraphs, with its own performance levers: the
 * platform's gateway answers as the lever's "before", this one as its "after".
 */
export async function startSecondGateway(platform: TestPlatform, performance: GatewayPerformanceOptions): Promise<RunningGateway & { graphqlUrl: string }> {
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    supergraph: { kind: 'subgraphs', subgraphs: Object.values(platform.subgraphs).map(({ name, url }) => ({ name, url })) },
    subgraphSecret: TEST_SUBGRAPH_SECRET,
    log: () => undefined,
    performance,
  });
  return { ...gateway, graphqlUrl: `http://127.0.0.1:${gateway.port}/graphql` };
}

/** An HTTP answer as the client reads it, status and bytes: what two gateways must agree on. */
export async function rawAnswer(url: string, query: string, variables: Record<string, unknown>): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return `${response.status} ${await response.text()}`;
}
