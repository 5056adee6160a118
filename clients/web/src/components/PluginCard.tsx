import { Alert, Badge, Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { GraphQLErrorShape } from '../api/fetchGraphQL';
import { pluginErrors } from '../api/pluginErrors';
import type { PluginSource } from '../api/plugins';

/**
 * The frame of one plugin's card. It shows the plugin's own errors (a plugin that is down
 * costs its card, never the page), "not available" when the plugin has nothing for this
 * entity, and otherwise its content.
 */
export function PluginCard({
  title,
  plugin,
  errors,
  hasData,
  emptyText,
  children,
}: {
  title: string;
  plugin: PluginSource;
  errors: readonly GraphQLErrorShape[];
  hasData: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  const own = pluginErrors(errors, plugin);
  return (
    <Card withBorder radius="md" padding="lg" data-testid={`card-${plugin.subgraph}`} aria-label={title} component="section">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="lg">
          {title}
        </Title>
        <Badge variant="light" color={own.length ? 'red' : 'gray'}>
          {plugin.subgraph}
        </Badge>
      </Group>
      {own.length > 0 && (
        <Alert color="red" variant="light" title={`${title} not available`} role="alert" mb={hasData ? 'sm' : 0}>
          {own.map((error, index) => (
            <Text key={index} fz="sm">
              {error.message}
              {error.extensions?.code ? ` (${error.extensions.code})` : ''}
            </Text>
          ))}
        </Alert>
      )}
      {hasData ? children : own.length === 0 && <Text c="dimmed" fz="sm">{emptyText}</Text>}
    </Card>
  );
}
