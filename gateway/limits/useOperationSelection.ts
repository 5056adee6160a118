import { GraphQLError } from 'graphql';
import type { ServerFeature } from './serverFeature';

/**
 * Refuses (400, BAD_REQUEST) a request whose `operationName` picks no operation of its
 * document: a name the document does not have, or none when it has several. Apollo
 * Server leaves that to the executor, and the gateway's executor throws a plain error,
 * which came back as 500 "Internal server error".
 */
export function useOperationSelection(): ServerFeature {
  return {
    plugins: [
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ operation, request, document }) {
              if (operation) return;
              const named = request.operationName;
              const operations = document.definitions.filter((definition) => definition.kind === 'OperationDefinition').length;
              const reason = named
                ? `Unknown operation named "${named.slice(0, 100)}"; the document has ${operations} operation${operations === 1 ? '' : 's'}`
                : 'The document has several operations: say which one to run with operationName';
              throw new GraphQLError(reason, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
            },
          };
        },
      },
    ],
  };
}
