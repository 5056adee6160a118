import type { GraphQLDataSource } from '@apollo/gateway';

/**
 * The same data source, reporting each call to `onFetch` first: how the benchmark and
 * the proof tests count subgraph fetches per operation, whatever the transport.
 */
export function countSubgraphFetches<Source extends GraphQLDataSource<any>>(name: string, source: Source, onFetch: (subgraph: string) => void): GraphQLDataSource<any> {
  return {
    process: (options) => {
      onFetch(name);
      return source.process(options);
    },
  };
}
