import { DomainError } from '../../../kit';
import type { SubscriptionResolvers } from '../generated/resolvers';

/** Asked of the subgraph itself, the subscription fails in words that say where it is served. */
class SubscriptionsAtGatewayError extends DomainError {
  readonly code = 'BAD_REQUEST';
}

const servedByTheGateway = (): never => {
  throw new SubscriptionsAtGatewayError(
    'Subscription.entityChanged is served by the gateway (graphql-ws or graphql-sse on its /graphql), not by the catalog subgraph; see docs/feed.md',
  );
};

/**
 * Declared here so that it is in the composed API schema; the gateway serves it beside
 * Apollo Gateway (which cannot execute subscriptions) from the merged change feed.
 */
export const Subscription: SubscriptionResolvers = {
  entityChanged: { subscribe: servedByTheGateway, resolve: servedByTheGateway },
};
