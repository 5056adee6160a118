import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { costReadsVariables, operationCost, type CostOptions } from './operationCost';
import type { ServerFeature } from './serverFeature';

/**
 * Refuses (400, OPERATION_TOO_COMPLEX) an operation whose cost, counting list sizes
 * (see `operationCost`), is over `max`. It needs the request's variables (`first: $n`),
 * so it runs once the operation is resolved, before the gateway plans or fetches anything.
 * A cost that no variable can change is worked out once per parsed document (Apollo
 * Server hands every request with the same text the same document), not per request.
 */
export function useCostLimit(max: number, options: CostOptions = {}): ServerFeature {
  // By schema, then by the operation's node (held as long as Apollo Server's document
  // cache holds it): the cost, or null when it depends on the variables.
  const costs = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, number | null>>();
  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          let known = costs.get(schema);
          if (!known) costs.set(schema, (known = new WeakMap()));
          let cost = known.get(operation);
          if (cost === undefined || cost === null) {
            const fragments = fragmentsOf(document);
            const computed = operationCost(schema, operation, fragments, request.variables, options);
            if (cost === undefined) known.set(operation, costReadsVariables([operation, ...Object.values(fragments)], options) ? null : computed);
            cost = computed;
          }
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

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}
