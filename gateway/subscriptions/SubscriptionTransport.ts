import type { ExecutionArgs, ExecutionResult, GraphQLSchema } from 'graphql';
import type { CallerIdentity } from '../../kit';
import type { Authenticator } from '../auth/createAuthenticator';
import type { CallerSubscriptions } from './CallerSubscriptions';
import type { PreparedSubscription, SubscriptionRequest } from './prepareSubscription';
import type { GraphQLError } from 'graphql';
import type { RunAsSubscriber } from './resolveBatch';
import type { SubscriptionSettings } from './SubscriptionSettings';

/** What both transports (graphql-ws and graphql-sse) share. */
export interface SubscriptionTransport {
  settings: SubscriptionSettings;
  schema: () => GraphQLSchema | undefined;
  prepare: (request: SubscriptionRequest) => PreparedSubscription | GraphQLError[];
  subscribe: (args: ExecutionArgs) => Promise<AsyncGenerator<ExecutionResult, void, void> | ExecutionResult>;
  /** Runs a query through the gateway's federated plan as this caller. */
  runAs: (identity: CallerIdentity) => RunAsSubscriber;
  authenticate: Authenticator;
  callers: CallerSubscriptions;
  /** Browser origins that may connect, as for HTTP (gateway/http/withCors.ts). */
  allowedOrigins: () => ReadonlySet<string>;
  production: boolean;
  log: (line: string) => void;
}
