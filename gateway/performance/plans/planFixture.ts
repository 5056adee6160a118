import { composeServices } from '@apollo/composition';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { buildOperationContext, executeQueryPlan, type Experimental_DidResolveQueryPlanCallback, type GraphQLDataSource } from '@apollo/gateway';
import { QueryPlanner } from '@apollo/query-planner';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';

// A small federated graph in the shape of Ensemble's: a catalog owning `Entity`, and
// plugins extending it as an `@interfaceObject` (one `@requires` the catalog's
// annotations, one has a root field whose entities the catalog completes).

const ENTITIES: Record<string, Record<string, unknown>> = {
  c1: { kind: 'Component', ref: 'c1', name: 'one', lifecycle: 'production', owner: 'g1', dependsOn: ['c2', 'c3'], annotations: [{ key: 'ci', value: 'yes' }] },
  c2: { kind: 'Component', ref: 'c2', name: 'two', lifecycle: null, owner: null, dependsOn: [], annotations: [] },
  c3: { kind: 'Component', ref: 'c3', name: 'three', lifecycle: 'experimental', owner: 'g1', dependsOn: ['c1'], annotations: [{ key: 'ci', value: 'yes' }] },
  g1: { kind: 'Group', ref: 'g1', name: 'team', members: ['c1', 'c3'], annotations: [{ key: 'ci', value: 'none' }] },
};
const RUNS: Record<string, { id: string; status: string }[]> = { c1: [{ id: 'r1', status: 'OK' }, { id: 'r2', status: 'FAILED' }], c3: [{ id: 'r3', status: 'OK' }] };
const SCORES: Record<string, { score: number; grade: string | null }> = { c1: { score: 90, grade: 'A' }, c3: { score: 70, grade: null }, g1: { score: 50, grade: 'C' } };

const entity = (ref: unknown) => (typeof ref === 'string' && ENTITIES[ref]) || null;
const LINK = (imports: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports}])`;

const SUBGRAPHS = [
  {
    name: 'catalog',
    typeDefs: gql`
      ${LINK('"@key"')}
      interface Entity @key(fields: "ref") { ref: ID! name: String! annotations: [KeyValue!]! }
      type Component implements Entity @key(fields: "ref") { ref: ID! name: String! annotations: [KeyValue!]! lifecycle: String owner: Entity dependsOn: [Entity!]! }
      type Group implements Entity @key(fields: "ref") { ref: ID! name: String! annotations: [KeyValue!]! members: [Entity!]! }
      type KeyValue { key: String! value: String! }
      type Query { entity(ref: ID!): Entity entities(first: Int): [Entity!]! }
    `,
    resolvers: {
      Query: { entity: (_: unknown, args: { ref: string }) => entity(args.ref), entities: (_: unknown, args: { first?: number }) => Object.values(ENTITIES).slice(0, args.first ?? 10) },
      Entity: { __resolveReference: (reference: { ref: string }) => entity(reference.ref), __resolveType: (value: { kind: string }) => value.kind },
      Component: { owner: (value: { owner: string }) => entity(value.owner), dependsOn: (value: { dependsOn: string[] }) => value.dependsOn.map(entity) },
      Group: { members: (value: { members: string[] }) => value.members.map(entity) },
    },
  },
  {
    name: 'runs',
    typeDefs: gql`
      ${LINK('"@key", "@interfaceObject", "@external", "@requires"')}
      type Entity @key(fields: "ref") @interfaceObject { ref: ID! annotations: [KeyValue!]! @external runs(first: Int = 5): [Run!] @requires(fields: "annotations { key value }") }
      type KeyValue @external { key: String! value: String! }
      type Run { id: ID! status: String! }
    `,
    resolvers: {
      Entity: {
        __resolveReference: (reference: unknown) => reference,
        runs: (value: { ref: string; annotations: { key: string; value: string }[] }, args: { first: number }) => {
          if (args.first > 10) throw new GraphQLError('first must be 10 at most', { extensions: { code: 'BAD_USER_INPUT' } });
          return value.annotations.some((annotation) => annotation.value === 'none') ? null : (RUNS[value.ref] ?? []).slice(0, args.first);
        },
      },
    },
  },
  {
    name: 'scores',
    typeDefs: gql`
      ${LINK('"@key", "@interfaceObject"')}
      type Entity @key(fields: "ref") @interfaceObject { ref: ID! score: Int! grade: String }
      type Query { topRated(first: Int): [Entity!]! }
    `,
    resolvers: {
      Query: { topRated: (_: unknown, args: { first?: number }) => ['c1', 'c3', 'g1'].slice(0, args.first ?? 3).map((ref) => ({ ref, ...SCORES[ref] })) },
      Entity: { __resolveReference: (reference: { ref: string }) => (SCORES[reference.ref] ? { ref: reference.ref, ...SCORES[reference.ref] } : null) },
    },
  },
];

/** How a test subgraph answers one request: as executed, or as a test would have it answer instead. */
export type Respond = (serviceName: string, request: { query: string; variables: Record<string, unknown> }, executed: () => Promise<any>) => Promise<any>;

/** The graph, and a stand-in for `ApolloGateway`'s executor: the same plan, operation context and `executeQueryPlan`. */
export function createPlanFixture() {
  const composed = composeServices(SUBGRAPHS.map(({ name, typeDefs }) => ({ name, url: `http://${name}`, typeDefs })));
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  const supergraphSdl = composed.supergraphSdl;
  const supergraph = Supergraph.build(supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  const schema: GraphQLSchema = apiSchema.toGraphQLJSSchema();
  const supergraphSchema = supergraph.schema.toGraphQLJSSchema();
  const planner = new QueryPlanner(supergraph);
  const plans = new Map<string, ReturnType<QueryPlanner['buildQueryPlan']>>();
  const subgraphSchemas = new Map(SUBGRAPHS.map(({ name, typeDefs, resolvers }) => [name, buildSubgraphSchema({ typeDefs, resolvers: resolvers as never })]));

  /** A data source per subgraph, executing in process (answers as JSON would carry them) through `respond`. */
  function dataSources(respond: Respond): Record<string, GraphQLDataSource> {
    return Object.fromEntries(
      [...subgraphSchemas].map(([name, subgraphSchema]) => {
        const source: GraphQLDataSource = {
          process: async ({ request }) => {
            const variables = JSON.parse(JSON.stringify(request.variables ?? {}));
            const executed = async () => JSON.parse(JSON.stringify(await execute({ schema: subgraphSchema, document: parse(request.query!), variableValues: variables })));
            // Each answer arrives in a task of its own, as from a socket.
            await new Promise((resolve) => setImmediate(resolve));
            return respond(name, { query: request.query!, variables }, executed);
          },
        };
        return [name, source];
      }),
    );
  }

  function requestContext(query: string, variables: Record<string, unknown>) {
    const document: DocumentNode = parse(query);
    return { request: { query, variables }, document, queryHash: query, schema, context: {}, metrics: {}, logger: console } as any;
  }

  /** What ApolloGateway's executor does with a request (variables assumed valid), telling `didResolveQueryPlan` the plan. */
  async function execute_(serviceMap: Record<string, GraphQLDataSource>, context: any, didResolveQueryPlan?: Experimental_DidResolveQueryPlanCallback) {
    const operationContext = buildOperationContext({ schema, operationDocument: context.document, operationName: context.request.operationName });
    let queryPlan = plans.get(context.queryHash);
    if (!queryPlan) plans.set(context.queryHash, (queryPlan = planner.buildQueryPlan(operationFromDocument(apiSchema, context.document))));
    didResolveQueryPlan?.({ queryPlan, serviceMap, operationContext, requestContext: context });
    return executeQueryPlan(queryPlan, serviceMap, context, operationContext, supergraphSchema, apiSchema);
  }

  return { schema, supergraphSdl, dataSources, requestContext, execute: execute_ };
}
