import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PageEntity } from '../api/pageEntity';
import { optionalField } from '../api/optionalField';
import { EntityLink } from './EntityLink';

interface RefAndName {
  ref: string;
  name: string;
  title: string | null;
}

/** What the catalog says of an entity: description, owner, system, tags and links. */
export function EntityOverview({ entity }: { entity: PageEntity }) {
  const owner = optionalField<'owner', RefAndName>(entity, 'owner');
  const system = optionalField<'system', RefAndName>(entity, 'system');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label="Overview" data-testid="overview">
      <Title order={3} fz="lg" mb="sm">
        Overview
      </Title>
      <Text mb="md">{entity.description || <Text span c="dimmed">No description.</Text>}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Field label="Owner">{owner ? <EntityLink entityRef={owner.ref} title={owner.title ?? owner.name} /> : '—'}</Field>
        <Field label="System">{system ? <EntityLink entityRef={system.ref} title={system.title ?? system.name} /> : '—'}</Field>
        <Field label="Tags">
          <Group gap={4}>
            {entity.tags.length
              ? entity.tags.map((tag) => (
                  <Badge key={tag} variant="light" size="sm">
                    {tag}
                  </Badge>
                ))
              : '—'}
          </Group>
        </Field>
        <Field label="Links">
          <Stack gap={2}>
            {entity.links.length
              ? entity.links.map((link) => (
                  <Anchor key={link.url} href={link.url} target="_blank" rel="noreferrer" fz="sm">
                    {link.title || link.url}
                  </Anchor>
                ))
              : '—'}
          </Stack>
        </Field>
      </SimpleGrid>
    </Card>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}
