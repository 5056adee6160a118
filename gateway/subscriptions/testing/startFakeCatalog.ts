import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createGraphQLHandler, decodeIdentity, IDENTITY_HEADER, listen } from '../../../kit';
import { TEST_GRAPH_SDL } from './testGraph';

/**
 * A stand-in catalog subgraph with the shapes delivery uses (`entitiesByRefs`,
 * `entities(filter: {and, field})`, `Subscription.entityChanged`), for transport tests
 * before the real catalog serves them. An entity is visible to its owner group only.
 */
const typeDefs = parse(TEST_GRAPH_SDL);

interface Filter {
  field?: { field: string; values: string[] }[];
  and?: Filter[];
}

export async function startFakeCatalog(entities: Map<string, { ref: string; name: string; owner: string }>) {
  const matches = (ref: string, filter: Filter): boolean =>
    (filter.field ?? []).every((match) => match.values.includes(ref)) && (filter.and ?? []).every((inner) => matches(ref, inner));
  type Context = { ownership: string[] };
  const visible = (ref: string, context: Context) => {
    const entity = entities.get(ref);
    return entity && context.ownership.includes(entity.owner) ? { __typename: 'Component', ...entity } : null;
  };
  const server = new ApolloServer<Context>({
    schema: buildSubgraphSchema({
      typeDefs,
      resolvers: {
        Query: {
          entitiesByRefs: (_: unknown, { refs }: { refs: string[] }, context: Context) => refs.map((ref) => visible(ref, context)),
          entities: (_: unknown, { filter }: { filter: Filter }, context: Context) => ({
            edges: [...entities.keys()].filter((ref) => matches(ref, filter)).map((ref) => visible(ref, context)).filter(Boolean).map((node) => ({ node })),
          }),
        },
        Subscription: { entityChanged: { subscribe: () => { throw new Error('The gateway serves subscriptions'); } } },
      } as never,
    }),
  });
  await server.start();
  const http = await listen(
    {
      '/graphql': createGraphQLHandler(server, {
        context: async (request) => {
          const identity = decodeIdentity(request.headers[IDENTITY_HEADER] as string | undefined);
          return { ownership: identity.type === 'user' ? identity.ownershipEntityRefs : [] };
        },
      }),
    },
    { port: 0, log: () => undefined },
  );
  return {
    url: `http://127.0.0.1:${http.port}/graphql`,
    stop: async () => {
      await http.close({ drainTimeoutMs: 100 });
      await server.stop();
    },
  };
}
