import { ApolloServer } from '@apollo/server';
import { createFormatError } from '../../kit';
import { combineFeatures, type ServerFeature } from './serverFeature';

/** A schema shaped like the catalog's: cyclic relations, a sized connection, sized and unsized lists. */
const typeDefs = `#graphql
  type Query {
    entity(ref: ID!): Entity
    entities(first: Int = 50): EntityConnection!
  }
  type Entity {
    ref: ID!
    name: String
    tags: [String!]!
    relations: [Relation!]!
    runs(first: Int = 10): [Run!]!
  }
  type Relation { type: String, target: Entity }
  type EntityConnection { totalCount: Int, edges: [Edge!]! }
  type Edge { node: Entity! }
  type Run { status: String }
`;

const entity = (ref: string) => ({ ref, name: ref, tags: [], relations: [{ type: 'ownedBy', target: { ref: 'group:default/team', name: 'team', tags: [], relations: [], runs: [] } }], runs: [] });

/** Runs one operation through a real Apollo Server with the given features and the kit's formatError. */
export async function executeWith(features: ServerFeature[], query: string, variables?: Record<string, unknown>) {
  const [result] = await executeEachWith(features, [{ query, variables }]);
  return result;
}

/** Runs operations one after the other through one server: what a feature remembers between requests shows. */
export async function executeEachWith(features: ServerFeature[], requests: { query: string; variables?: Record<string, unknown>; operationName?: string }[]) {
  const server = new ApolloServer({
    typeDefs,
    resolvers: {
      Query: {
        entity: (_: unknown, { ref }: { ref: string }) => entity(ref),
        entities: (_: unknown, { first }: { first: number }) => ({ totalCount: first, edges: [{ node: entity('component:default/a') }] }),
      },
    },
    formatError: createFormatError(() => undefined),
    ...combineFeatures(features),
  });
  await server.start();
  try {
    const results = [];
    for (const { query, variables, operationName } of requests) {
      const response = await server.executeOperation({ query, variables, operationName });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const { data, errors } = response.body.singleResult;
      results.push({
        status: response.http.status ?? 200,
        data: data as Record<string, any> | null | undefined,
        errors,
        codes: errors?.map((error) => error.extensions?.code) ?? [],
      });
    }
    return results;
  } finally {
    await server.stop();
  }
}
