import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../auth/IdentityForwardingDataSource';
import type { SharedCounters } from '../sharedState/sharedCounters';

export interface RateLimitOptions {
  /** Operations one caller may run per minute, over every gateway replica sharing `counters`. */
  perMinute: number;
  counters: SharedCounters;
  log: (line: string) => void;
}

const MINUTE_MS = 60_000;

/**
 * A budget of operations per caller per minute (a fixed window), counted where every
 * gateway replica sees it (SharedCounters). Over it, the operation is refused before it is
 * planned, with RATE_LIMITED and HTTP 429. Anonymous callers share one budget. When the
 * counters cannot be reached the operation runs (logged): a Redis outage must not take
 * the graph down with it.
 */
export function useRateLimit(options: RateLimitOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation() {
          const identity = contextValue.identity;
          const caller = identity?.type === 'user' ? identity.userEntityRef : 'anonymous';
          let used: number;
          try {
            used = await options.counters.add(`rate:${caller}`, 1, MINUTE_MS);
          } catch (error) {
            options.log(`gateway: rate-limit counters unreachable, operation let through: ${error instanceof Error ? error.message : String(error)}`);
            return;
          }
          if (used > options.perMinute) {
            throw new GraphQLError(`Rate limit: at most ${options.perMinute} operations a minute per caller; try again shortly`, {
              extensions: { code: 'RATE_LIMITED', http: { status: 429 } },
            });
          }
        },
      };
    },
  };
}
