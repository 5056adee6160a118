import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { createFormatError } from '../errors/formatError';
import { limitArguments } from './limitArguments';
import { acceptConcreteEntityTypes } from './acceptConcreteEntityTypes';
import { limitEntityRepresentations } from './limitEntityRepresentations';
import type { SubgraphModule } from './subgraphModule';
import { countGraphQLErrors } from '../observability/countGraphQLErrors';
import type { ProcessMetrics } from '../observability/metrics';

export interface SubgraphServerOptions {
  /** Largest `_entities` representations list per request. Default 1,000. */
  maxEntityRepresentations?: number;
  log: (line: string) => void;
  /** Counts the errors of its answers by code (ensemble_graphql_errors_total). */
  metrics?: ProcessMetrics;
}

/**
 * The schema a subgraph serves: its own, with every argument bounded, `_entities` capped,
 * and representations named after a concrete kind accepted where it extends `Entity`.
 */
export function buildServedSchema(module: SubgraphModule<unknown, object>, options: Pick<SubgraphServerOptions, 'maxEntityRepresentations'> = {}): GraphQLSchema {
  const schema = buildSubgraphSchema({ typeDefs: module.typeDefs, resolvers: module.resolvers as GraphQLResolverMap<unknown> });
  const bounded = limitArguments(acceptConcreteEntityTypes(schema), { text: module.argumentTextLimits });
  return limitEntityRepresentations(bounded, options.maxEntityRepresentations ?? 1_000);
}

/**
 * A subgraph's GraphQL server (not started), the one way it is built: over HTTP by
 * startSubgraph, and called directly by the gateway's in-process lever.
 */
export function createSubgraphServer<Context extends object>(module: SubgraphModule<unknown, Context>, options: SubgraphServerOptions): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema: buildServedSchema(module, options),
    // Entry points own shutdown order (gateway, then subgraphs, then databases).
    stopOnTerminationSignals: false,
    formatError: createFormatError((error) => options.log(`${module.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)),
    // No inline traces and no cache-control hints: nothing here reads them, and both cost
    // every request (cache control wraps every field's resolver to collect hints).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(options.metrics ? [countGraphQLErrors(options.metrics, module.name)] : []),
    ],
  });
}
