import { Alert, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { WebGroupDocument } from '../../../generated/graphql';
import { optionalField } from '../api/optionalField';
import { useGraphQL } from '../api/useGraphQL';
import { ScorecardRollupCard } from '../cards/ScorecardRollupCard';
import { EntityHeader } from '../components/EntityHeader';
import { EntityLink } from '../components/EntityLink';
import { EntityTable } from '../components/EntityTable';
import { ErrorList } from '../components/ErrorList';
import { Link } from '../components/Link';
import { QueryStatus } from '../components/QueryStatus';
import { entityDetailsPath } from '../url/entityPaths';

/** A team: who is in it, its sub-groups, what it and its sub-groups own, and its scorecards. */
export function GroupPage({ entityRef }: { entityRef: string }) {
  const query = useGraphQL(WebGroupDocument, { ref: entityRef });
  if (!query.result) return <QueryStatus query={query} />;
  const { data, errors } = query.result;
  const group = data?.entity;
  if (!group || group.__typename !== 'Group') {
    return (
      <Stack>
        <ErrorList title="The catalog could not be read" errors={errors} />
        {errors.length === 0 && <Alert color="yellow" title="No such group">The catalog has no group {entityRef}.</Alert>}
      </Stack>
    );
  }
  const title = group.profile?.displayName || group.title || group.name;
  return (
    <Stack gap="lg">
      <EntityHeader
        title={title}
        entityRef={group.ref}
        kind={group.kind}
        type={optionalField<'type', string>(group, 'type')}
        actions={<Link to={entityDetailsPath(group.ref)}>Relations and details</Link>}
      />
      <ErrorList title="Part of this page could not be loaded" errors={errors} />
      {group.description && <Text>{group.description}</Text>}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Card withBorder radius="md" padding="lg" component="section" aria-label="Members" data-testid="members">
          <Title order={3} fz="lg" mb="sm">
            Members ({group.members.length})
          </Title>
          <List spacing={4} size="sm">
            {group.members.map((member) => (
              <List.Item key={member.ref}>
                <EntityLink entityRef={member.ref} title={member.profile?.displayName ?? member.name} />
                {member.profile?.email && <Text span c="dimmed" fz="xs"> {member.profile.email}</Text>}
              </List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder radius="md" padding="lg" component="section" aria-label="Team">
          <Title order={3} fz="lg" mb="sm">
            Team
          </Title>
          <Text fz="sm">Parent: {group.parent ? <EntityLink entityRef={group.parent.ref} title={group.parent.title ?? group.parent.name} /> : '—'}</Text>
          <Text fz="sm" mt={4}>
            Sub-groups:{' '}
            {group.children.length
              ? group.children.map((child, index) => (
                  <span key={child.ref}>
                    {index > 0 && ', '}
                    <EntityLink entityRef={child.ref} title={child.title ?? child.name} />
                  </span>
                ))
              : '—'}
          </Text>
          {group.profile?.email && <Text fz="sm" mt={4}>Email: {group.profile.email}</Text>}
        </Card>
        <ScorecardRollupCard groupRef={group.ref} />
      </SimpleGrid>
      <Card withBorder radius="md" padding={0} component="section" aria-label="Owns">
        <Title order={3} fz="lg" p="lg" pb="xs">
          Owns, with its sub-groups ({group.ownsTransitively.length})
        </Title>
        <EntityTable rows={group.ownsTransitively} caption={`What ${title} owns`} />
      </Card>
    </Stack>
  );
}
