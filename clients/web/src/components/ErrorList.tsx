import { Alert, List } from '@mantine/core';
import type { GraphQLErrorShape } from '../api/fetchGraphQL';

/** GraphQL errors, each with its code, in one alert; nothing when there are none. */
export function ErrorList({ title, errors }: { title: string; errors: readonly GraphQLErrorShape[] }) {
  if (errors.length === 0) return null;
  return (
    <Alert color="red" title={title} role="alert">
      <List size="sm">
        {errors.map((error, index) => (
          <List.Item key={index}>
            {error.message}
            {error.extensions?.code ? ` (${error.extensions.code})` : ''}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
