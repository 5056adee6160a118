export * from './metrics';
export * from './metricsRoute';
export * from './countGraphQLErrors';
export * from './observeRequests';
export * from './observeSubgraphFetches';
export * from './tracing';
export * from './traceDatabase';
export * from './processLog';
