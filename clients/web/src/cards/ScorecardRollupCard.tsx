import { Badge, Group, Loader, Table, Text } from '@mantine/core';
import { WebScorecardRollupDocument } from '../../../generated/graphql';
import { SCORECARDS } from '../api/plugins';
import { useGraphQL } from '../api/useGraphQL';
import { PluginCard } from '../components/PluginCard';

/**
 * The scorecards plugin's roll-up for one owner: how many of what it owns directly reached
 * each level, and each check's tally. Runs its own query (see WebScorecardRollup.graphql).
 */
export function ScorecardRollupCard({ groupRef }: { groupRef: string }) {
  const query = useGraphQL(WebScorecardRollupDocument, {});
  if (!query.result && !query.failure) return <Loader size="sm" aria-label="Loading scorecards" />;
  const errors = query.failure ? [{ message: query.failure.message, extensions: { serviceName: SCORECARDS.subgraph } }] : (query.result?.errors ?? []);
  const rollup = query.result?.data?.scorecardRollup.find((row) => row.groupRef === groupRef) ?? null;
  const hasData = Boolean(query.result?.data);
  return (
    <PluginCard title="Scorecards" plugin={SCORECARDS} errors={errors} hasData={hasData} emptyText="Scorecards are not available.">
      {rollup ? (
        <>
          <Group gap="xs" mb="sm">
            <Text fz="sm">{rollup.entityCount} entities owned directly</Text>
            {rollup.levels.map((level) => (
              <Badge key={level.level ?? 'none'} variant="light" color={level.level ? 'teal' : 'gray'}>
                {level.count} {level.level ? level.level.toLowerCase() : 'below bronze'}
              </Badge>
            ))}
            {rollup.passRate !== null && <Text fz="sm">{Math.round(rollup.passRate * 100)}% of decided checks pass</Text>}
          </Group>
          <Table verticalSpacing={2} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Check</Table.Th>
                <Table.Th>Level</Table.Th>
                <Table.Th>Pass</Table.Th>
                <Table.Th>Fail</Table.Th>
                <Table.Th>Unknown</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rollup.checks.map((row) => (
                <Table.Tr key={row.check.id}>
                  <Table.Td>{row.check.name}</Table.Td>
                  <Table.Td c="dimmed">{row.check.level.toLowerCase()}</Table.Td>
                  <Table.Td>{row.passed}</Table.Td>
                  <Table.Td>{row.failed}</Table.Td>
                  <Table.Td>{row.unknown}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <Text c="dimmed" fz="sm">Nothing this group owns directly has a scorecard.</Text>
      )}
    </PluginCard>
  );
}
