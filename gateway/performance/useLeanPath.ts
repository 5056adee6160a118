import { buildSchema, operationFromDocument, Supergraph, type Schema } from './apolloInternals';
import type { ApolloGateway, Experimental_DidResolveQueryPlanCallback, GraphQLDataSource } from '@apollo/gateway';
import { getVariableValues, Kind, printSchema, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';
import { applyResultShape, NOT_SHAPED } from './applyResultShape';
import { compileResultShape, type ResultShape } from './compileResultShape';
import { createAnswerReplay } from './plans/answerReplay';
import { compileQueryPlan, type CompiledPlan } from './plans/compileQueryPlan';
import { LeanPlanRun, type RequestContext } from './plans/LeanPlanRun';

type Gateway = Pick<ApolloGateway, 'load' | 'onSchemaLoadOrUpdate' | 'stop'>;
type Executor = NonNullable<Awaited<ReturnType<ApolloGateway['load']>>['executor']>;
type ResolvedPlan = Pick<Parameters<Experimental_DidResolveQueryPlanCallback>[0], 'queryPlan' | 'operationContext'>;

/** A plan the lean path runs, with the walk that shapes its merged answers. */
interface LeanPlan extends CompiledPlan {
  variableDefinitions: readonly VariableDefinitionNode[];
  shape: ResultShape;
}

export interface LeanPath {
  /** Given to ApolloGateway: learns each operation's plan as the gateway resolves it. */
  didResolveQueryPlan: Experimental_DidResolveQueryPlanCallback;
  /** Wraps one subgraph's data source, so that the gateway can be handed an answer already received. */
  dataSource(name: string, source: GraphQLDataSource<any>): GraphQLDataSource<any>;
  /** The gateway Apollo Server runs: the same, its executor taking the lean path where it can. */
  gateway(gateway: Gateway): Gateway;
}

/**
 * The lean path. Operations planned
 * as fetches in `Sequence`, `Parallel`, `Condition` and `Flatten` nodes (a catalog list,
 * a search, the entity page with its plugin cards) skip `@apollo/gateway`'s execution:
 * the fetches are sent as the gateway sends them (plans/LeanPlanRun.ts, with
 * representations built by walks compiled once per plan), and the merged answers are
 * shaped by a walk compiled once per plan (compileResultShape.ts) instead of
 * `computeResponse` re-reading the operation per request; the federation operation the
 * gateway rebuilds per request is not built either. Anything not reproduced exactly
 * (subgraph errors, a failed call, a null where the schema promises a value) goes to the
 * gateway's own executor with the answers already received (plans/answerReplay.ts),
 * which reports it as always; nothing is fetched twice.
 */
export function useLeanPath(options: { rememberedPlans?: number } = {}): LeanPath {
  const max = options.rememberedPlans ?? 1_000;
  const plans = new Map<string, LeanPlan | null>();
  const sources = new Map<string, GraphQLDataSource<any>>();
  const replay = createAnswerReplay();
  // The supergraph schema of each API schema: `_entities` fetches check type conditions against it, as the gateway does.
  const supergraphSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();

  return {
    didResolveQueryPlan: ({ queryPlan, operationContext, requestContext }) => {
      const key = planKey(requestContext);
      if (plans.has(key)) return;
      if (plans.size >= max) plans.delete(plans.keys().next().value!);
      plans.set(key, learn({ queryPlan, operationContext }));
    },

    dataSource: (name, source) => {
      sources.set(name, source);
      return replay.wrap(name, source);
    },

    gateway: (gateway) => {
      // A new supergraph brings new plans; the gateway empties its own plan cache too.
      gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
        plans.clear();
        // What the gateway hands executeQueryPlan, built the same way (validated when the gateway
        // loaded it), here rather than on a request's time (about 50 ms for Ensemble's supergraph).
        supergraphSchemas.set(apiSchema, Supergraph.build(coreSupergraphSdl, { validateSupergraph: false }).schema.toGraphQLJSSchema());
      });
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

  function learn({ queryPlan, operationContext }: ResolvedPlan): LeanPlan | null {
    // Only queries: a mutation's fields run one after another, and a hand-back to the
    // gateway after a failed step must never send a write twice.
    if (operationContext.operation.operation !== 'query') return null;
    const operation = operationFromDocument(
      federationSchemaOf(operationContext.schema),
      { kind: Kind.DOCUMENT, definitions: [operationContext.operation, ...Object.values(operationContext.fragments)] },
      { validate: false },
    );
    const shape = compileResultShape(operationContext.schema, operation);
    const plan = shape && compileQueryPlan(queryPlan, supergraphSchemas.get(operationContext.schema) ?? null, operation.variableDefinitions);
    return plan && { ...plan, shape, variableDefinitions: operationContext.operation.variableDefinitions ?? [] };
  }

  async function run(requestContext: RequestContext, executor: Executor) {
    const plan = plans.get(planKey(requestContext));
    // A plan learnt from a request still in flight when the supergraph changed belongs to
    // the old schema (the cache was emptied before it arrived): never used for the new one.
    if (!plan || plan.shape.schema !== requestContext.schema || !plan.serviceNames.every((name) => sources.has(name))) return executor(requestContext);
    // What the gateway adds then (a trace per fetch; the plan in `extensions`) is its own to add.
    if (requestContext.metrics?.captureTraces || requestContext.request.http?.headers.get('Apollo-Query-Plan-Experimental')) return executor(requestContext);
    const provided = requestContext.request.variables ?? {};
    // Checked as the gateway checks them; a wrong one is reported by the gateway itself.
    if (plan.variableDefinitions.length > 0 && getVariableValues(requestContext.schema, plan.variableDefinitions, provided).errors) return executor(requestContext);
    const lean = new LeanPlanRun(requestContext, sources);
    if (plan.step) await lean.run(plan.step);
    if (!lean.failed) {
      const data = applyResultShape(plan.shape, lean.data, provided);
      if (data !== NOT_SHAPED) return { data };
    }
    replay.handBack(requestContext, lean.handOver());
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
