import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';
import { operationCost, type CostOptions } from './operationCost';
import type { ServerFeature } from './serverFeature';

/**
 * Refuses (400, OPERATION_TOO_COMPLEX) an operation whose cost, counting list sizes
 * (see `operationCost`), is over `max`. It needs the request's variables (`first: $n`),
 * so it runs once the operation is resolved, before the gateway plans or fetches anything.
 */
export function useCostLimit(max: number, options: CostOptions = {}): ServerFeature {
  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const cost = operationCost(schema, operation, fragments, request.variables, options);
          if (cost > max) {
            throw new GraphQLError(`The operation would cost ${cost}; at most ${max} is allowed (list sizes count: ask for fewer items)`, {
              extensions: { code: 'OPERATION_TOO_COMPLEX', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
  return { plugins: [plugin] };
}
