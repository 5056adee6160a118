import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { GraphQLErrorShape } from '../api/fetchGraphQL';
import type { PageEntity } from '../api/pageEntity';
import { CICD } from '../api/plugins';
import { PluginCard } from '../components/PluginCard';

const STATUS_COLOURS: Record<string, string> = {
  SUCCEEDED: 'green',
  FAILED: 'red',
  RUNNING: 'blue',
  QUEUED: 'gray',
  CANCELLED: 'yellow',
  SKIPPED: 'gray',
};

/** The CI/CD plugin's card: the newest run of each pipeline, and 30 days of build health. */
export function BuildsCard({ entity, errors }: { entity: PageEntity; errors: readonly GraphQLErrorShape[] }) {
  const runs = entity.latestRuns;
  const stats = entity.buildStats;
  return (
    <PluginCard title="Builds" plugin={CICD} errors={errors} hasData={runs !== null} emptyText="Builds are not available.">
      {runs?.length ? (
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Pipeline</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Branch</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th>Took</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td>{run.url ? <Anchor href={run.url} target="_blank" rel="noreferrer">{run.pipeline}</Anchor> : run.pipeline}</Table.Td>
                <Table.Td>
                  <Badge size="sm" color={STATUS_COLOURS[run.status] ?? 'gray'}>
                    {run.status.toLowerCase()}
                  </Badge>
                </Table.Td>
                <Table.Td>{run.branch}</Table.Td>
                <Table.Td>{new Date(run.startedAt).toLocaleString()}</Table.Td>
                <Table.Td>{run.durationSeconds === null ? '' : formatSeconds(run.durationSeconds)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text c="dimmed" fz="sm">No pipeline runs reported.</Text>
      )}
      {stats && stats.runCount > 0 && (
        <Group gap="lg" mt="sm">
          <Text fz="sm">
            Last {stats.windowDays} days: {stats.runCount} runs
          </Text>
          {stats.successRate !== null && <Text fz="sm">{Math.round(stats.successRate * 100)}% succeeded</Text>}
          {stats.medianDurationSeconds !== null && <Text fz="sm">median {formatSeconds(stats.medianDurationSeconds)}</Text>}
        </Group>
      )}
    </PluginCard>
  );
}

function formatSeconds(seconds: number): string {
  const rounded = Math.round(seconds);
  return rounded < 60 ? `${rounded}s` : `${Math.floor(rounded / 60)}m ${rounded % 60}s`;
}
