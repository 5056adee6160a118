import { Alert, Button, Center, Loader } from '@mantine/core';
import type { QueryState } from '../api/useGraphQL';

/**
 * What a page shows before it has data: a spinner on first load, the failure (with a retry)
 * when no GraphQL response came back. Null once there is a result to render.
 */
export function QueryStatus({ query }: { query: QueryState<unknown> }) {
  if (query.failure) {
    return (
      <Alert color="red" title="Could not load this page" role="alert">
        {query.failure.message}
        <Button variant="light" color="red" size="xs" ml="md" onClick={query.reload}>
          Retry
        </Button>
      </Alert>
    );
  }
  if (!query.result) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  return null;
}
