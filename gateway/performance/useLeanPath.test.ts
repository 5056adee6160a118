import type { ApolloGateway } from '@apollo/gateway';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { useLeanPath } from './useLeanPath';

const SDL = 'type Query { flag: Boolean }';

/** What the path needs of a request context, for a given API schema. */
function requestFor(schema: ReturnType<typeof buildSchema>) {
  return { schema, queryHash: 'hash-of-flag', request: { query: '{ flag }', variables: {} }, context: {} } as never;
}

/** A lean path over one subgraph `flags` answering `fetchedData`, and a gateway executor answering `executedData`. */
async function leanPathOver(fetchedData: Record<string, unknown>, executedData: Record<string, unknown>) {
  const path = useLeanPath();
  const fetched: string[] = [];
  path.dataSource('flags', { process: async (request) => (fetched.push(request.request.query!), { data: fetchedData }) });
  const executed: unknown[] = [];
  const gateway = path.gateway({
    onSchemaLoadOrUpdate: () => () => undefined,
    stop: async () => undefined,
    load: async () => ({ executor: async (requestContext: unknown) => (executed.push(requestContext), { data: executedData }) }),
  } as unknown as ApolloGateway);
  const { executor } = await gateway.load({ apollo: {} as never });
  return { path, fetched, executed, executor: executor! };
}

// The lean path runs only plans learnt for the schema the request runs against.
describe('useLeanPath', () => {
  it('sends a learnt plan itself, but not once the supergraph changed', async () => {
    const { path, fetched, executed, executor } = await leanPathOver({ flag: true }, { flag: false });

    const before = buildSchema(SDL);
    const operation = parse('{ flag }').definitions[0] as OperationDefinitionNode;
    path.didResolveQueryPlan({
      queryPlan: { kind: 'QueryPlan', node: { kind: 'Fetch', serviceName: 'flags', operation: '{flag}', operationName: undefined, operationKind: 'query' as never } },
      serviceMap: {},
      operationContext: { schema: before, operation, fragments: {} } as never,
      requestContext: requestFor(before),
    });
    expect(await executor(requestFor(before))).toEqual({ data: { flag: true } });
    expect(fetched).toEqual(['{flag}']);
    expect(executed).toHaveLength(0);

    const after = buildSchema(SDL);
    expect(await executor(requestFor(after))).toEqual({ data: { flag: false } });
    expect(fetched).toHaveLength(1);
    expect(executed).toHaveLength(1);
  });

  it('leaves mutations to the gateway, so that a write is never sent twice', async () => {
    const { path, fetched, executed, executor } = await leanPathOver({ setFlag: true }, { setFlag: true });

    const schema = buildSchema(`${SDL} type Mutation { setFlag: Boolean }`);
    const operation = parse('mutation { setFlag }').definitions[0] as OperationDefinitionNode;
    const request = { schema, queryHash: 'hash-of-set-flag', request: { query: 'mutation { setFlag }', variables: {} }, context: {} } as never;
    path.didResolveQueryPlan({
      queryPlan: { kind: 'QueryPlan', node: { kind: 'Fetch', serviceName: 'flags', operation: 'mutation{setFlag}', operationName: undefined, operationKind: 'mutation' as never } },
      serviceMap: {},
      operationContext: { schema, operation, fragments: {} } as never,
      requestContext: request,
    });
    expect(await executor(request)).toEqual({ data: { setFlag: true } });
    expect(fetched).toEqual([]);
    expect(executed).toEqual([request]);
  });
});
