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
export class IdentityForwardingDataSource extends SubgraphDataSource<GatewayContext> {
  protected override headersFor(options: GraphQLDataSourceProcessOptions<GatewayContext>): Record<string, string> {
    const headers = super.headersFor(options);
    const identity: CallerIdentity | undefined = options.context?.identity;
    const value = identity && encodeIdentity(identity);
    if (value !== undefined) headers[IDENTITY_HEADER] = value;
    return headers;
  }
}
