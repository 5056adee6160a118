import { Badge, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** An entity's name as the page title, with its kind, type and lifecycle as badges. */
export function EntityHeader({
  title,
  entityRef,
  kind,
  type,
  lifecycle,
  actions,
}: {
  title: string;
  entityRef: string;
  kind: string;
  type?: string | null;
  lifecycle?: string | null;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" mb="lg" align="flex-end">
      <div>
        <Group gap="xs" mb={4}>
          <Badge variant="filled">{kind}</Badge>
          {type && <Badge variant="light">{type}</Badge>}
          {lifecycle && (
            <Badge variant="light" color={lifecycle === 'deprecated' ? 'red' : lifecycle === 'production' ? 'green' : 'yellow'}>
              {lifecycle}
            </Badge>
          )}
        </Group>
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Text c="dimmed" fz="sm" ff="monospace">
          {entityRef}
        </Text>
      </div>
      {actions}
    </Group>
  );
}
