import type { ApolloServerPlugin } from '@apollo/server';
import type { ApolloGateway, GatewayConfig, GraphQLDataSource } from '@apollo/gateway';
import type { ParseOptions } from 'graphql';
import { leanPathSupport } from './apolloInternals';
import { countSubgraphFetches } from './countSubgraphFetches';
import { createDocumentStore, type TemplatedDocumentStore } from './createDocumentStore';
import type { InProcessSubgraph } from './createInProcessSubgraph';
import { InProcessDataSource } from './InProcessDataSource';
import { useLiteralHoisting } from './useLiteralHoisting';
import { useLeanPath } from './useLeanPath';
import { createDocumentTemplates } from './templates/createDocumentTemplates';

export interface GatewayPerformanceOptions {
  /**
   * Subgraphs running in the gateway's process (`npm start`): called directly, without
   * HTTP, signature or JSON. In-process calls are trusted (see InProcessDataSource).
   */
  inProcess?: InProcessSubgraph[];
  /** Field-argument literals become variables before planning, so they share plans. Default false. */
  hoistLiterals?: boolean;
  /**
   * With `hoistLiterals`: a new text of a known shape (other literals, spacing, comments)
   * is built from the shape's template instead of being parsed, validated and hoisted
   * (templates/). Default true; false is the lever's "before".
   */
  documentTemplates?: boolean;
  /** The query-plan cache's approximate size. Default 30 MiB (@apollo/gateway's own default). */
  queryPlanStoreMiB?: number;
  /** Called before every subgraph fetch, with the subgraph's name (the benchmark counts them). */
  onSubgraphFetch?: (subgraph: string) => void;
  /**
   * Operations whose plan compiles (fetches in sequence, in parallel, under conditions,
   * for entities) skip `@apollo/gateway`'s execution and result shaping (useLeanPath.ts);
   * the answer is the same. Default true; false is the lever's "before". Off, with a log
   * line, on Apollo versions it was not tested with (apolloInternals.ts). Never for mutations.
   */
  leanPath?: boolean;
}

export interface GatewayPerformanceFeatures {
  /** The data source for one subgraph: in process when it runs here, else `remote`. */
  dataSource(name: string, remote: GraphQLDataSource<any>): GraphQLDataSource<any>;
  gatewayConfig: Pick<GatewayConfig, 'experimental_approximateQueryPlanStoreMiB' | 'experimental_didResolveQueryPlan'>;
  /** The gateway Apollo Server is given. */
  gateway(gateway: ApolloGateway): Pick<ApolloGateway, 'load' | 'onSchemaLoadOrUpdate' | 'stop'>;
  /** Apollo Server's cache of parsed, validated documents (createDocumentStore.ts). */
  documentStore: TemplatedDocumentStore;
  plugins: ApolloServerPlugin<any>[];
}

/**
 * The gateway's performance levers, from its options; each one measured by `npm run bench`.
 * `parseOptions` are the limits Apollo Server parses with: templates lex texts under them.
 */
export function gatewayPerformanceFeatures(options: GatewayPerformanceOptions, log: (line: string) => void, parseOptions: ParseOptions = {}): GatewayPerformanceFeatures {
  const local = new Map((options.inProcess ?? []).map((subgraph) => [subgraph.name, subgraph]));
  // On Apollo versions it was not tested with, the lean path stays off and the log says why.
  const support = options.leanPath === false ? null : leanPathSupport();
  if (support && !support.supported) log(support.reason);
  const lean = support?.supported ? useLeanPath() : null;
  const documentStore = createDocumentStore();
  const templates = options.documentTemplates === false ? undefined : { templates: createDocumentTemplates({ parseOptions }), store: documentStore };
  return {
    dataSource: (name, remote) => {
      const inProcess = local.get(name);
      const source = inProcess ? new InProcessDataSource(inProcess, log) : remote;
      const counted = options.onSubgraphFetch ? countSubgraphFetches(name, source, options.onSubgraphFetch) : source;
      return lean ? lean.dataSource(name, counted) : counted;
    },
    gatewayConfig: {
      ...(options.queryPlanStoreMiB ? { experimental_approximateQueryPlanStoreMiB: options.queryPlanStoreMiB } : {}),
      ...(lean ? { experimental_didResolveQueryPlan: lean.didResolveQueryPlan } : {}),
    },
    gateway: (gateway) => (lean ? lean.gateway(gateway) : gateway),
    documentStore,
    plugins: options.hoistLiterals ? [useLiteralHoisting({ templates })] : [],
  };
}
