import { Badge, Group, Table, Text } from '@mantine/core';
import type { PageEntity } from '../api/pageEntity';
import type { GraphQLErrorShape } from '../api/fetchGraphQL';
import { SCORECARDS } from '../api/plugins';
import { PluginCard } from '../components/PluginCard';

const STATUS_COLOURS: Record<string, string> = { PASS: 'green', FAIL: 'red', UNKNOWN: 'gray' };

/** The scorecards plugin's card: the level reached, what blocks the next, every check. */
export function ScorecardCard({ entity, errors }: { entity: PageEntity; errors: readonly GraphQLErrorShape[] }) {
  const scorecard = entity.scorecard;
  return (
    <PluginCard title="Scorecard" plugin={SCORECARDS} errors={errors} hasData={scorecard !== null} emptyText="No scorecard check applies to this entity.">
      {scorecard && (
        <>
          <Group gap="sm" mb="sm">
            <Badge size="lg" color={scorecard.level ? 'teal' : 'gray'} data-testid="scorecard-level">
              {scorecard.level ? scorecard.level.toLowerCase() : 'no level yet'}
            </Badge>
            <Text fz="sm">
              {scorecard.passed} passed, {scorecard.failed} failed, {scorecard.unknown} unknown
            </Text>
            {scorecard.nextLevel && !scorecard.certain && (
              <Text fz="xs" c="dimmed">
                (may reach {scorecard.nextLevel.toLowerCase()} once unknown checks can be read)
              </Text>
            )}
          </Group>
          <Table verticalSpacing={2} fz="sm">
            <Table.Tbody>
              {scorecard.results.map((result) => (
                <Table.Tr key={result.check.id}>
                  <Table.Td w={96}>
                    <Badge size="sm" miw={84} color={STATUS_COLOURS[result.status] ?? 'gray'}>
                      {result.status.toLowerCase()}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{result.check.name}</Table.Td>
                  <Table.Td c="dimmed">{result.check.level.toLowerCase()}</Table.Td>
                  <Table.Td c="dimmed" style={{ overflowWrap: "anywhere" }}>
                    {result.reason}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </PluginCard>
  );
}
