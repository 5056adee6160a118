import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../../../generated/graphql';
import { fetchGraphQL, type GraphQLResult } from './fetchGraphQL';

export interface QueryState<TResult> {
  /** True while a request is in flight (the previous result stays, so tables do not flash). */
  loading: boolean;
  /** The latest response, partial data and errors included. */
  result: GraphQLResult<TResult> | null;
  /** Set when no GraphQL response came back at all. */
  failure: Error | null;
  /** Asks again with the same variables. */
  reload(): void;
}

/**
 * Runs an operation whenever its variables change (compared as JSON), cancelling the
 * request it replaces so a slow old answer never overwrites a newer one.
 */
export function useGraphQL<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): QueryState<TResult> {
  const key = JSON.stringify(variables);
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<Omit<QueryState<TResult>, 'reload'>>({ loading: true, result: null, failure: null });

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    fetchGraphQL(document, JSON.parse(key) as TVariables, { signal: controller.signal }).then(
      (result) => setState({ loading: false, result, failure: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ loading: false, result: null, failure: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [document, key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}
