import type { HttpHandler } from '../../kit';
import type { SubgraphStatus } from '../subgraphs/checkSubgraphs';

export interface GatewayReadiness {
  supergraphLoaded: boolean;
  /** The registry's version of the supergraph served, when the gateway follows the registry. */
  supergraphVersion?: number | null;
  subgraphs: Record<string, SubgraphStatus>;
}

/**
 * `/readyz`: 200 only when the supergraph is loaded and every subgraph answers; 503
 * otherwise, naming which subgraphs do not (by name only: no URL leaves the gateway).
 * `/readyz?require=supergraph` asks only for the supergraph (the body still names the
 * subgraphs): what a load balancer's probe should use, since a gateway serves what it can
 * when one subgraph is down, and taking every gateway out for it would stop them all.
 */
export function readinessRoute(check: () => Promise<GatewayReadiness>): HttpHandler {
  return async (request, response) => {
    const readiness = await check();
    const onlySupergraph = new URL(request.url ?? '/', 'http://localhost').searchParams.get('require') === 'supergraph';
    const ready = readiness.supergraphLoaded && (onlySupergraph || Object.values(readiness.subgraphs).every((status) => status === 'ok'));
    response.statusCode = ready ? 200 : 503;
    response.setHeader('content-type', 'application/json');
    response.setHeader('cache-control', 'no-store');
    response.end(JSON.stringify({ status: ready ? 'ok' : 'unavailable', ...readiness }));
  };
}
