import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { CallerIdentity } from '../../kit';
import type { GatewayContext } from '../auth/IdentityForwardingDataSource';
import { SubgraphUnavailableError } from '../subgraphs/subgraphErrors';
import type { InProcessSubgraph, SubgraphResponse } from './createInProcessSubgraph';

const ANONYMOUS: CallerIdentity = { type: 'anonymous' };

/**
 * How the gateway calls a subgraph that runs in its own process (`npm start`): the
 * operation is executed on that subgraph's server directly, with no socket, no
 * signature and no JSON in between. The subgraph sees the caller's identity exactly as
 * it would after checking the signed header; the gateway's own calls (schema loading,
 * health) are anonymous, as over HTTP. A failure that escapes the subgraph's own error
 * handling costs only its fields, with SUBGRAPH_UNAVAILABLE, as a dead HTTP subgraph does.
 */
export class InProcessDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: InProcessSubgraph,
    private readonly log: (line: string) => void,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const identity = ('incomingRequestContext' in options ? options.context?.identity : undefined) ?? ANONYMOUS;
    try {
      return await this.subgraph.execute(options.request, identity);
    } catch (error) {
      this.log(`subgraph ${this.subgraph.name} (in process) failed: ${error instanceof Error ? error.message : String(error)}`);
      throw new SubgraphUnavailableError(this.subgraph.name);
    }
  }
}
