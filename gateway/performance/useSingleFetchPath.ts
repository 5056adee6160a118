import { buildSchema, operationFromDocument, type Schema } from '@apollo/federation-internals';
import type { ApolloGateway, Experimental_DidResolveQueryPlanCallback, GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { getVariableValues, Kind, printSchema, type DocumentNode, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';
import { applyResultShape, NOT_SHAPED } from './applyResultShape';
import { compileResultShape, type ResultShape } from './compileResultShape';

type Gateway = Pick<ApolloGateway, 'load' | 'onSchemaLoadOrUpdate' | 'stop'>;
type Executor = NonNullable<Awaited<ReturnType<ApolloGateway['load']>>['executor']>;
type RequestContext = Parameters<Executor>[0];
type Answer = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** A plan that is one fetch from one subgraph, with what the lean path needs to run it. */
interface SingleFetch {
  serviceName: string;
  operation: string;
  operationName: string | undefined;
  document: DocumentNode | undefined;
  variableUsages: string[];
  variableDefinitions: readonly VariableDefinitionNode[];
  shape: ResultShape;
}

export interface SingleFetchPath {
  /** Given to ApolloGateway: learns each operation's plan as the gateway resolves it. */
  didResolveQueryPlan: Experimental_DidResolveQueryPlanCallback;
  /** Wraps one subgraph's data source, so that the gateway can be handed an answer already received. */
  dataSource(name: string, source: GraphQLDataSource<any>): GraphQLDataSource<any>;
  /** The gateway Apollo Server runs: the same, its executor taking the lean path where it can. */
  gateway(gateway: Gateway): Gateway;
}

/**
 * Operations whose plan is a single fetch (a catalog list, a search, one subgraph's
 * page) skip `@apollo/gateway`'s execution: the fetch is sent as the gateway would send
 * it, and the answer is shaped by a walk compiled once per plan (compileResultShape.ts)
 * instead of `computeResponse` re-reading the operation per request; the federation
 * operation the gateway rebuilds per request is not built either. Anything the walk does
 * not shape exactly (subgraph errors, a null where the schema promises a value, a failed
 * call) goes to the gateway's own executor with the answer already received, which
 * reports it as always; nothing is fetched twice.
 */
export function useSingleFetchPath(options: { rememberedPlans?: number } = {}): SingleFetchPath {
  const max = options.rememberedPlans ?? 1_000;
  const plans = new Map<string, SingleFetch | null>();
  const sources = new Map<string, GraphQLDataSource<any>>();
  // An answer the lean path received but hands to the gateway's executor, by request.
  const received = new WeakMap<object, { serviceName: string; operation: string; answer?: Answer; error?: unknown }>();

  return {
    didResolveQueryPlan: ({ queryPlan, operationContext, requestContext }) => {
      const key = planKey(requestContext);
      if (plans.has(key)) return;
      if (plans.size >= max) plans.delete(plans.keys().next().value!);
      const node = queryPlan.node;
      if (node?.kind !== 'Fetch' || node.requires || node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length || node.hasDefers) {
        plans.set(key, null);
        return;
      }
      const operation = operationFromDocument(
        federationSchemaOf(operationContext.schema),
        { kind: Kind.DOCUMENT, definitions: [operationContext.operation, ...Object.values(operationContext.fragments)] },
        { validate: false },
      );
      const shape = compileResultShape(operationContext.schema, operation);
      plans.set(
        key,
        shape && {
          serviceName: node.serviceName,
          operation: node.operation,
          operationName: node.operationName,
          document: node.operationDocumentNode,
          variableUsages: node.variableUsages ?? [],
          variableDefinitions: operationContext.operation.variableDefinitions ?? [],
          shape,
        },
      );
    },

    dataSource: (name, source) => {
      const replaying: GraphQLDataSource<any> = {
        process: (request) => {
          const context = 'incomingRequestContext' in request ? request.incomingRequestContext : undefined;
          const pending = context && received.get(context);
          if (pending && pending.serviceName === name && pending.operation === request.request.query) {
            received.delete(context);
            return pending.answer ? Promise.resolve(pending.answer) : Promise.reject(pending.error);
          }
          return source.process(request);
        },
      };
      sources.set(name, replaying);
      return replaying;
    },

    gateway: (gateway) => {
      // A new supergraph brings new plans; the gateway empties its own plan cache too.
      gateway.onSchemaLoadOrUpdate(() => plans.clear());
      return {
        onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
        stop: () => gateway.stop(),
        load: async (loadOptions) => {
          const loaded = await gateway.load(loadOptions);
          const executor = loaded.executor;
          if (!executor) return loaded;
          return { ...loaded, executor: (requestContext) => run(requestContext, executor) };
        },
      };
    },
  };

  async function run(requestContext: RequestContext, executor: Executor) {
    const plan = plans.get(planKey(requestContext));
    const source = plan && sources.get(plan.serviceName);
    // A plan learnt from a request still in flight when the supergraph changed belongs to
    // the old schema (the cache was emptied before it arrived): never used for the new one.
    if (!plan || !source || plan.shape.schema !== requestContext.schema) return executor(requestContext);
    const provided = requestContext.request.variables ?? {};
    // Checked as the gateway checks them; a wrong one is reported by the gateway itself.
    if (plan.variableDefinitions.length > 0 && getVariableValues(requestContext.schema, plan.variableDefinitions, provided).errors) return executor(requestContext);
    const variables: Record<string, unknown> = {};
    for (const name of plan.variableUsages) if (provided[name] !== undefined && Object.prototype.hasOwnProperty.call(provided, name)) variables[name] = provided[name];
    const request = {
      kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
      request: { query: plan.operation, variables, operationName: plan.operationName },
      incomingRequestContext: requestContext,
      context: requestContext.context,
      document: plan.document,
      pathInIncomingRequest: [],
    } satisfies GraphQLDataSourceProcessOptions<any>;
    let answer: Answer;
    try {
      answer = await source.process(request);
    } catch (error) {
      received.set(requestContext, { serviceName: plan.serviceName, operation: plan.operation, error });
      return executor(requestContext);
    }
    if (!answer.errors) {
      const data = applyResultShape(plan.shape, answer.data, provided);
      if (data !== NOT_SHAPED) return { data };
    }
    received.set(requestContext, { serviceName: plan.serviceName, operation: plan.operation, answer });
    return executor(requestContext);
  }
}

/** The gateway's plan cache key: the document's hash, and the operation's name when the document has several. */
function planKey(requestContext: RequestContext): string {
  return `${requestContext.queryHash}\u0000${requestContext.request.operationName ?? ''}`;
}

const federationSchemas = new WeakMap<GraphQLSchema, Schema>();

/** The API schema in federation's object model (what the gateway builds operations against), once per schema. */
function federationSchemaOf(schema: GraphQLSchema): Schema {
  let federationSchema = federationSchemas.get(schema);
  if (!federationSchema) {
    federationSchema = buildSchema(printSchema(schema));
    federationSchemas.set(schema, federationSchema);
  }
  return federationSchema;
}
