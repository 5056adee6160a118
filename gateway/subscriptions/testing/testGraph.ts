import { buildSchema, execute, parse, type GraphQLSchema } from 'graphql';
import type { RunAsSubscriber } from '../resolveBatch';

/**
 * A small stand-in for the composed API schema, with the catalog's shapes that delivery uses
 * (`entitiesByRefs`, `entities(filter:)` with `and` and `field`, `Subscription.entityChanged`),
 * and a `run` that answers as a given viewer: an entity is visible to its owner only.
 */
export const TEST_GRAPH_SDL = `
  interface Entity { ref: ID! name: String! owner: String }
  type Component implements Entity { ref: ID! name: String! owner: String lifecycle: String }
  input FieldMatch { field: String! values: [String!]! }
  input EntityFilter { owner: [String!] field: [FieldMatch!] and: [EntityFilter!] }
  type EntityEdge { node: Entity! }
  type EntityConnection { edges: [EntityEdge!]! }
  type Query { entitiesByRefs(refs: [ID!]!): [Entity]! entities(filter: EntityFilter, first: Int): EntityConnection! }
  type EntityChange { cursor: String! change: String! source: String! ref: String! fields: [String!]! entity: Entity }
  type Subscription { entityChanged(filter: EntityFilter, after: String): EntityChange! }
`;

export const testSchema: GraphQLSchema = buildSchema(TEST_GRAPH_SDL);

export interface TestEntity {
  ref: string;
  name: string;
  owner: string;
  lifecycle?: string;
}

interface Filter {
  owner?: string[];
  field?: { field: string; values: string[] }[];
  and?: Filter[];
}

function matches(entity: TestEntity, filter: Filter | null | undefined): boolean {
  if (!filter) return true;
  if (filter.owner && !filter.owner.includes(entity.owner)) return false;
  if (filter.field && !filter.field.every((match) => match.field === 'ref' && match.values.includes(entity.ref))) return false;
  return (filter.and ?? []).every((inner) => matches(entity, inner));
}

/** Runs queries against `entities` as `viewer`; `queries` counts them. */
export function testGraph(entities: Map<string, TestEntity>) {
  const counter = { queries: 0 };
  const runAs =
    (viewer: () => string): RunAsSubscriber =>
    async (query, variables) => {
      counter.queries += 1;
      const visible = (ref: string) => {
        const entity = entities.get(ref);
        return entity && entity.owner === viewer() ? { __typename: 'Component', ...entity } : null;
      };
      const rootValue = {
        entitiesByRefs: ({ refs }: { refs: string[] }) => refs.map(visible),
        entities: ({ filter }: { filter: Filter }) => ({
          edges: [...entities.keys()].map(visible).filter((entity) => entity && matches(entity, filter)).map((node) => ({ node })),
        }),
      };
      return execute({ schema: testSchema, document: parse(query), rootValue, variableValues: variables });
    };
  return { runAs, counter };
}
