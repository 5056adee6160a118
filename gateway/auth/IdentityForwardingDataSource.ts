import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { encodeIdentity, IDENTITY_HEADER, type CallerIdentity } from '../../kit';
import { SubgraphDataSource } from '../subgraphs/SubgraphDataSource';

/** The gateway's per-request context: who is calling. */
export interface GatewayContext {
  identity?: CallerIdentity;
}

/**
 * A subgraph data source that tells the subgraph who is calling, in the
 * `x-ensemble-identity` header; the fetcher signs that header with the body, so the
 * subgraph can trust it. Anonymous callers (and the gateway's own calls: introspection,
 * readiness) send none.
 */
export class IdentityForwardingDataSource extends SubgraphDataSource {
  willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const identity = 'context' in options ? options.context?.identity : undefined;
    const value = identity && encodeIdentity(identity);
    options.request.http?.headers.delete(IDENTITY_HEADER);
    if (value !== undefined) options.request.http?.headers.set(IDENTITY_HEADER, value);
  }
}
